package dev.pollsim.sim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pollsim.policy.LoopSpec;
import dev.pollsim.policy.PolicyDefinition;
import dev.pollsim.policy.PolicyFactory;
import dev.pollsim.policy.PollPolicy;
import dev.pollsim.policy.TickOutcome;
import dev.pollsim.policy.builtin.BuiltinPolicies;
import dev.pollsim.policy.param.Durations;
import dev.pollsim.sim.engine.RandomStreams;
import dev.pollsim.sim.metrics.PolicyResult;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * A run tick by tick whose idle stretches are split across threads answers as the run on one
 * thread does: every number equal, for any number of parts.
 */
class SplitTicksEquivalenceTest {

    private static final long S = Durations.MICROS_PER_SECOND;
    private static final long H = Durations.MICROS_PER_HOUR;
    /** Parts of one loop and helpers for every window: the split at its finest, in small fleets. */
    private static final RunShape.TickSplit FINEST = new RunShape.TickSplit(1, 0);

    @Provide
    Arbitrary<String> policies() {
        return Arbitraries.of(BuiltinPolicies.catalogue().withDefaults().stream().map(PolicyDefinition::name).toList());
    }

    @Property(tries = 120)
    void splittingShouldChangeNoNumber(
            @ForAll("policies") String policy,
            @ForAll @IntRange(min = 2, max = 40) int daemons,
            @ForAll @IntRange(min = 2, max = 5) int threads,
            @ForAll @IntRange(min = 1, max = 3) int slots,
            @ForAll @IntRange(min = 0, max = 2) int requestsPerTick,
            @ForAll boolean aligned,
            @ForAll boolean bursty,
            @ForAll @DoubleRange(min = 0, max = 240) double ratePerHour,
            @ForAll @LongRange(min = 0, max = 600) long meanServiceSeconds,
            @ForAll boolean local,
            @ForAll @IntRange(min = 0, max = 3) int failing,
            @ForAll boolean restart,
            @ForAll boolean reload,
            @ForAll @IntRange(min = 0, max = 4) int latency,
            @ForAll long seed) {
        // most runs are ones the split applies to: no job failure, no tick latency
        double failure = failing == 3 ? 0.2 : 0;
        long latencyUs = latency == 4 ? S : 0;
        World world = new World(new FleetConfig(daemons, slots, requestsPerTick,
                aligned ? StartPhases.ALIGNED : StartPhases.SPREAD, latencyUs), UpstreamConfig.NONE,
                FastForwardEquivalenceTest.faults(failure, 60 * S, restart, reload, slots), 12 * H)
                .withFastForward(false);
        PolicyDefinition d = BuiltinPolicies.catalogue().find(policy).orElseThrow();
        PolicyFactory factory = d.factory(d.resolve(Map.of()));

        FleetSimulation split = new FleetSimulation(world.withTickThreads(threads), factory,
                FastForwardEquivalenceTest.arrivals(bursty, ratePerHour, meanServiceSeconds, local, seed),
                new RandomStreams(seed), null, 0, true, FINEST);
        PolicyResult splitResult = split.result(policy, policy, Map.of());
        PolicyResult whole = new FleetSimulation(world, factory,
                FastForwardEquivalenceTest.arrivals(bursty, ratePerHour, meanServiceSeconds, local, seed),
                new RandomStreams(seed)).result(policy, policy, Map.of());

        assertThat(splitResult).as(policy).isEqualTo(whole);
        boolean splittable = failure == 0 && latencyUs == 0 && requestsPerTick > 0 && factory.loops().size() == 1
                && factory.create(LoopSpec.WORKER, new RandomStreams(seed).stream("any")).duesAreTicks();
        assertThat(split.tickParts()).as("parts of a %s run", policy).isEqualTo(splittable ? Math.min(threads, daemons) : 1);
    }

    @Test
    void aLargeFleetShouldRunItsWindowsOnHelpersAndCountAsOneThreadDoes() {
        World world = new World(new FleetConfig(4096, 4, 1, StartPhases.SPREAD), UpstreamConfig.NONE,
                FaultPlan.NONE, 2 * H).withFastForward(false);
        for (String policy : new String[] {"fixed", "exp-idle"}) {
            PolicyDefinition d = BuiltinPolicies.catalogue().find(policy).orElseThrow();
            PolicyFactory factory = d.factory(d.resolve(Map.of()));
            FleetSimulation split = new FleetSimulation(world.withTickThreads(2), factory,
                    FastForwardEquivalenceTest.arrivals(false, 120, 30, false, 7), new RandomStreams(7));
            PolicyResult splitResult = split.result(policy, policy, Map.of());
            PolicyResult whole = new FleetSimulation(world, factory,
                    FastForwardEquivalenceTest.arrivals(false, 120, 30, false, 7), new RandomStreams(7))
                    .result(policy, policy, Map.of());

            assertThat(split.tickParts()).isEqualTo(2);
            assertThat(split.helpedWindows()).as(policy).isPositive();
            assertThat(splitResult).as(policy).isEqualTo(whole);
        }
        assertThat(Thread.getAllStackTraces().keySet()).as("helper threads end with their run")
                .noneMatch(t -> t.getName().startsWith("pollsim-ticks-"));
    }

    @Test
    void aRunnerShouldBeToldWhichRunsSplit() {
        World large = new World(new FleetConfig(4096, 4, 1, StartPhases.SPREAD), UpstreamConfig.NONE,
                FaultPlan.NONE, H).withFastForward(false).withTickThreads(2);
        assertThat(RunShape.splits(large, factory("fixed"))).isTrue();
        assertThat(RunShape.splits(large, factory("exp-idle"))).isTrue();
        assertThat(RunShape.splits(large, factory("idle-streak"))).as("dues of their own").isFalse();
        assertThat(RunShape.splits(large.withFastForward(true), factory("fixed"))).isFalse();
        assertThat(RunShape.splits(large.withTickThreads(1), factory("fixed"))).isFalse();
        World failing = new World(large.fleet(), UpstreamConfig.NONE,
                FastForwardEquivalenceTest.faults(0.1, 60 * S, false, false, 4), H).withFastForward(false)
                .withTickThreads(2);
        assertThat(RunShape.splits(failing, factory("fixed"))).isFalse();
        World small = new World(new FleetConfig(4095, 4, 1, StartPhases.SPREAD), UpstreamConfig.NONE,
                FaultPlan.NONE, H).withFastForward(false).withTickThreads(2);
        assertThat(RunShape.splits(small, factory("fixed"))).isFalse();
    }

    private static PolicyFactory factory(String policy) {
        PolicyDefinition d = BuiltinPolicies.catalogue().find(policy).orElseThrow();
        return d.factory(d.resolve(Map.of()));
    }

    @Test
    void aFleetOfFewerLoopsThanTwoPartsShouldRunOnOneThread() {
        World world = new World(new FleetConfig(4095, 4, 1, StartPhases.SPREAD), UpstreamConfig.NONE,
                FaultPlan.NONE, H).withFastForward(false).withTickThreads(8);
        PolicyDefinition d = BuiltinPolicies.catalogue().find("fixed").orElseThrow();
        FleetSimulation sim = new FleetSimulation(world, d.factory(d.resolve(Map.of())),
                FastForwardEquivalenceTest.arrivals(false, 60, 30, false, 1), new RandomStreams(1));
        assertThat(sim.tickParts()).isEqualTo(1);
    }

    @Test
    void aPolicyFailingOnAHelperThreadShouldFailTheRun() {
        PolicyFactory broken = PolicyFactory.single(random -> new PollPolicy() {
            @Override
            public long initialIntervalUs() {
                return 10 * S;
            }

            @Override
            public long onTick(long nowUs, TickOutcome outcome) {
                return nowUs >= H ? -7 : 10 * S;
            }

            @Override
            public String rule() {
                return "broken";
            }
        });
        World world = new World(new FleetConfig(8, 1, 1, StartPhases.SPREAD), UpstreamConfig.NONE, FaultPlan.NONE,
                2 * H).withFastForward(false).withTickThreads(2);
        FleetSimulation sim = new FleetSimulation(world, broken,
                FastForwardEquivalenceTest.arrivals(false, 0, 0, false, 1), new RandomStreams(1), null, 0, true, FINEST);

        assertThat(sim.tickParts()).isEqualTo(2);
        assertThatThrownBy(sim::run).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("answered a negative delay -7");
    }
}
