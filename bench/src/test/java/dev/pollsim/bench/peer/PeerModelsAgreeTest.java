package dev.pollsim.bench.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pollsim.sim.engine.RandomStreams;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The DSOL model and pollsim simulate the same fleet: what the model fixes must agree, whatever
 * order each engine gives to events of one instant.
 */
class PeerModelsAgreeTest {

    private static final long TICKS_PER_LOOP_PER_DAY = 8_640;

    private static PeerWorkload workload;
    private static final Map<String, PeerResult> DAYS = new HashMap<>();

    @BeforeAll
    static void drawArrivals() {
        workload = PeerWorkload.of(PeerWorkload.DEFAULT_SEED);
    }

    /** One day of {@code engine} and {@code policy}, run once for the whole class. */
    private static PeerResult day(String engine, String policy) {
        return DAYS.computeIfAbsent(engine + "/" + policy, k -> switch (engine) {
            case "dsol" -> DsolFleet.run(workload, policy);
            case "pollsim-step" -> PollsimFleet.run(workload, policy, false);
            case "pollsim" -> PollsimFleet.run(workload, policy, true);
            default -> throw new IllegalArgumentException(engine);
        });
    }

    @Test
    void theReplayedArrivalsArePollsimsOwnPoissonArrivals() {
        PeerResult own = PollsimFleet.run(PeerWorkload.poisson(new RandomStreams(workload.seed())), workload.seed(),
                "exp-idle", true);
        PeerResult replayed = day("pollsim", "exp-idle");

        assertThat(replayed).isEqualTo(own);
        assertThat(workload.jobs()).isBetween(80_000, 93_000); // 86,400 expected over the day
    }

    @Test
    void fixedTicksEveryTenSecondsOnBothEngines() {
        long ticks = PeerWorkload.DAEMONS * TICKS_PER_LOOP_PER_DAY;
        for (String engine : new String[] {"dsol", "pollsim-step", "pollsim"}) {
            PeerResult r = day(engine, "fixed");
            assertThat(r.ticks()).as(r.engine()).isEqualTo(ticks);
            assertThat(r.requests()).as(r.engine()).isEqualTo(ticks - r.saturatedTicks());
            // a tick sends no request only when a burst filled all four slots of its daemon
            assertThat(r.saturatedTicks()).as(r.engine()).isLessThan(100);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fixed", "exp-idle"})
    void dsolAndPollsimAgreeOnTheDay(String policy) {
        PeerResult dsol = day("dsol", policy);
        PeerResult step = day("pollsim-step", policy);
        PeerResult fast = day("pollsim", policy);

        // pollsim's fast-forward skips idle ticks in closed form, with the same results
        assertThat(fast).usingRecursiveComparison().ignoringFields("engine", "events").isEqualTo(step);

        assertThat(dsol.arrived()).isEqualTo(workload.jobs()).isEqualTo(step.arrived());
        assertThat(dsol.picked()).isCloseTo(step.picked(), within(10L));
        assertThat(dsol.requests()).isCloseTo(step.requests(), within(step.requests() / 1000));
        assertThat(dsol.meanWakeLatencyUs())
                .isCloseTo(step.meanWakeLatencyUs(), within(step.meanWakeLatencyUs() / 100));
        // both engines break ties the same way wherever it matters on this seed: the day agrees exactly
        assertThat(dsol).usingRecursiveComparison().ignoringFields("engine", "events").isEqualTo(step);
    }

    @Test
    void eachDsolRunIsAFreshSimulatorThatLeavesNoThreadBehind() {
        PeerResult first = day("dsol", "exp-idle");
        PeerResult second = DsolFleet.run(workload, "exp-idle");

        assertThat(second).isEqualTo(first);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("pollsim-peer"));
    }
}
