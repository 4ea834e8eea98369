package dev.pollsim.sim.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pollsim.policy.PolicyDefinition;
import dev.pollsim.policy.PolicyFactory;
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

/** The empty tick's short path answers as the general path does: every number equal. */
class ShortTickEquivalenceTest {

    private static final long S = Durations.MICROS_PER_SECOND;
    private static final long H = Durations.MICROS_PER_HOUR;

    @Provide
    Arbitrary<String> policies() {
        return Arbitraries.of(BuiltinPolicies.catalogue().withDefaults().stream().map(PolicyDefinition::name).toList());
    }

    @Property(tries = 150)
    void theShortPathShouldChangeNoNumber(
            @ForAll("policies") String policy,
            @ForAll @IntRange(min = 1, max = 12) int daemons,
            @ForAll @IntRange(min = 1, max = 3) int slots,
            @ForAll @IntRange(min = 0, max = 2) int requestsPerTick,
            @ForAll boolean aligned,
            @ForAll boolean bursty,
            @ForAll @DoubleRange(min = 0, max = 60) double ratePerHour,
            @ForAll @LongRange(min = 0, max = 600) long meanServiceSeconds,
            @ForAll boolean local,
            @ForAll @DoubleRange(min = 0, max = 0.3) double failure,
            @ForAll @LongRange(min = 5, max = 600) long retryAfterSeconds,
            @ForAll boolean restart,
            @ForAll boolean reload,
            @ForAll boolean fastForward,
            @ForAll @IntRange(min = 0, max = 2) int latencySeconds,
            @ForAll long seed) {
        World world = new World(new FleetConfig(daemons, slots, requestsPerTick,
                aligned ? StartPhases.ALIGNED : StartPhases.SPREAD, latencySeconds * S), UpstreamConfig.NONE,
                FastForwardEquivalenceTest.faults(failure, retryAfterSeconds * S, restart, reload, slots), 24 * H)
                .withFastForward(fastForward);
        PolicyDefinition d = BuiltinPolicies.catalogue().find(policy).orElseThrow();
        PolicyFactory factory = d.factory(d.resolve(Map.of()));
        PolicyResult shortPath = new FleetSimulation(world, factory,
                FastForwardEquivalenceTest.arrivals(bursty, ratePerHour, meanServiceSeconds, local, seed),
                new RandomStreams(seed)).result(policy, policy, Map.of());
        PolicyResult general = new FleetSimulation(world, factory,
                FastForwardEquivalenceTest.arrivals(bursty, ratePerHour, meanServiceSeconds, local, seed),
                new RandomStreams(seed)).withoutShortTicks().result(policy, policy, Map.of());
        assertThat(shortPath).as(policy).isEqualTo(general);
    }
}
