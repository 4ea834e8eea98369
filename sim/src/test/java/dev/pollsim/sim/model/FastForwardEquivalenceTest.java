package dev.pollsim.sim.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pollsim.policy.LoopSpec;
import dev.pollsim.policy.PolicyDefinition;
import dev.pollsim.policy.PolicyFactory;
import dev.pollsim.policy.PollPolicy;
import dev.pollsim.policy.builtin.FixedIntervalPolicy;
import dev.pollsim.policy.builtin.BuiltinPolicies;
import dev.pollsim.policy.param.Durations;
import dev.pollsim.sim.engine.RandomStreams;
import dev.pollsim.sim.metrics.PolicyResult;
import dev.pollsim.sim.workload.ArrivalProcess;
import dev.pollsim.sim.workload.ArrivalSource;
import dev.pollsim.sim.workload.BurstProcess;
import dev.pollsim.sim.workload.OnOffProcess;
import dev.pollsim.sim.workload.Origin;
import dev.pollsim.sim.workload.PoissonProcess;
import dev.pollsim.sim.workload.ServiceTime;
import dev.pollsim.sim.workload.SyntheticArrivals;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.junit.jupiter.api.Test;

/** Skipping idle stretches in closed form changes no number: results equal tick by tick. */
class FastForwardEquivalenceTest {

    private static final long S = Durations.MICROS_PER_SECOND;
    private static final long H = Durations.MICROS_PER_HOUR;

    @Provide
    Arbitrary<String> policies() {
        return Arbitraries.of(BuiltinPolicies.catalogue().withDefaults().stream().map(PolicyDefinition::name).toList());
    }

    @Provide
    Arbitrary<Map<String, String>> params() {
        // short periods and caps so that loops reach their steady state often within a day
        return Arbitraries.of(Map.of(), Map.of("interval", "7s"), Map.of("cap", "30s"), Map.of("interval", "1s"));
    }

    /**
     * Jobs failing with probability {@code failure} (three attempts, retried {@code retryAfterUs}
     * later); optionally every daemon restarting at 5 h and slots reloaded at 9 h.
     */
    static FaultPlan faults(double failure, long retryAfterUs, boolean restart, boolean reload, int slots) {
        return new FaultPlan(List.of(), new FaultPlan.JobFailures(failure, retryAfterUs, 3),
                restart ? List.of(new FaultPlan.Restart(5 * H, FaultPlan.Restart.ALL, 10 * S)) : List.of(),
                reload ? List.of(new FaultPlan.Reload(9 * H, slots + 1, null)) : List.of());
    }

    static ArrivalSource arrivals(boolean bursty, double ratePerHour, long meanServiceSeconds, boolean local,
            long seed) {
        RandomStreams streams = new RandomStreams(seed);
        ArrivalProcess process = bursty
                ? new OnOffProcess(ratePerHour * 8, 0, 10 * 60 * S, 70 * 60 * S, streams.commonsStream("workload/arrivals"),
                        streams.commonsStream("workload/modulation"))
                : new PoissonProcess(ratePerHour, streams.commonsStream("workload/arrivals"));
        ServiceTime service = meanServiceSeconds == 0 ? ServiceTime.constant(0)
                : ServiceTime.of(new ExponentialDistribution(streams.commonsStream("workload/service"),
                        meanServiceSeconds * (double) S));
        return new SyntheticArrivals(process, service, local ? Origin.LOCAL : Origin.REMOTE);
    }

    private static PolicyResult run(String name, Map<String, String> given, World world, ArrivalSource arrivals,
            long seed) {
        PolicyDefinition d = BuiltinPolicies.catalogue().find(name).orElseThrow();
        Map<String, String> usable = new java.util.LinkedHashMap<>();
        given.forEach((k, v) -> {
            if (d.params().stream().anyMatch(p -> p.name().equals(k))) {
                usable.put(k, v);
            }
        });
        return new FleetSimulation(world, d.factory(d.resolve(usable)), arrivals, new RandomStreams(seed))
                .result(name, name, Map.of());
    }

    @Property(tries = 150)
    void fastForwardShouldChangeNoNumber(
            @ForAll("policies") String policy,
            @ForAll("params") Map<String, String> params,
            @ForAll @IntRange(min = 1, max = 12) int daemons,
            @ForAll @IntRange(min = 1, max = 3) int slots,
            @ForAll @IntRange(min = 0, max = 2) int requestsPerTick,
            @ForAll boolean aligned,
            @ForAll boolean bursty,
            @ForAll @DoubleRange(min = 0, max = 40) double ratePerHour,
            @ForAll @LongRange(min = 0, max = 600) long meanServiceSeconds,
            @ForAll boolean local,
            @ForAll @DoubleRange(min = 0, max = 0.3) double failure,
            @ForAll boolean restart,
            @ForAll boolean reload,
            @ForAll long seed) {
        World world = new World(new FleetConfig(daemons, slots, requestsPerTick,
                aligned ? StartPhases.ALIGNED : StartPhases.SPREAD), UpstreamConfig.NONE,
                faults(failure, 5 * 60 * S, restart, reload, slots), 24 * H);
        PolicyResult fast = run(policy, params, world, arrivals(bursty, ratePerHour, meanServiceSeconds, local, seed), seed);
        PolicyResult step = run(policy, params, world.withFastForward(false),
                arrivals(bursty, ratePerHour, meanServiceSeconds, local, seed), seed);
        assertThat(fast).as(policy).isEqualTo(step);
    }

    /**
     * Two fixed loops per daemon in lockstep: loop 0 polls an empty lane and parks; loop 1 takes
     * a job, filling the daemon's only slot, at an instant where loop 0's skipped tick falls too.
     * Loop 0's tick of that instant was armed first, so it has run: it must be counted, not
     * replayed.
     */
    @Test
    void aSiblingTickOfTheSameInstantShouldCountOnceWhenSaturationUnparksIt() {
        PolicyFactory twoLoops = new PolicyFactory() {
            @Override
            public List<LoopSpec> loops() {
                return List.of(new LoopSpec("idle-lane", LoopSpec.Role.WORKER, 1), new LoopSpec("work", LoopSpec.Role.WORKER, 0));
            }

            @Override
            public PollPolicy create(LoopSpec loop, RandomGenerator random) {
                return new FixedIntervalPolicy(10 * S);
            }
        };
        World world = World.of(new FleetConfig(3, 1, 1, StartPhases.ALIGNED), H);
        for (long at : new long[] {5 * S, 60 * S, 61 * S, 3_600 * S - 1}) {
            PolicyResult fast = new FleetSimulation(world, twoLoops, burstAt(at), new RandomStreams(1)).result("t", "t", Map.of());
            PolicyResult step = new FleetSimulation(world.withFastForward(false), twoLoops, burstAt(at), new RandomStreams(1))
                    .result("t", "t", Map.of());
            assertThat(fast).as("job at %d", at).isEqualTo(step);
            assertThat(fast.ticks()).isEqualTo(3 * 2 * 360);
        }
    }

    private static ArrivalSource burstAt(long at) {
        return new SyntheticArrivals(new BurstProcess(3, at), ServiceTime.constant(20 * 60 * S), Origin.REMOTE);
    }

    @Property(tries = 20)
    void aFleetOfThousandsShouldGiveTheSameNumbersWithFewerEvents(
            @ForAll("policies") String policy,
            @ForAll @DoubleRange(min = 1, max = 200) double ratePerHour,
            @ForAll boolean aligned,
            @ForAll long seed) {
        World world = World.of(new FleetConfig(2_000, 2, 1, aligned ? StartPhases.ALIGNED : StartPhases.SPREAD), 6 * H);
        PolicyDefinition d = BuiltinPolicies.catalogue().find(policy).orElseThrow();
        FleetSimulation fastSim = new FleetSimulation(world, d.factory(d.resolve(Map.of())),
                arrivals(false, ratePerHour, 60, false, seed), new RandomStreams(seed));
        FleetSimulation stepSim = new FleetSimulation(world.withFastForward(false), d.factory(d.resolve(Map.of())),
                arrivals(false, ratePerHour, 60, false, seed), new RandomStreams(seed));
        PolicyResult fast = fastSim.result(policy, policy, Map.of());
        PolicyResult step = stepSim.result(policy, policy, Map.of());
        assertThat(fast).as(policy).isEqualTo(step);
        if (List.of("fixed", "exp-idle", "idle-streak", "idle-streak-clamp-bug", "gastown", "batched").contains(policy)) {
            assertThat(fastSim.eventsHandled()).as(policy).isLessThan(stepSim.eventsHandled());
        }
        if (List.of("fixed", "idle-streak-clamp-bug", "batched").contains(policy)) {
            assertThat(fastSim.eventsHandled()).as(policy).isLessThan(stepSim.eventsHandled() / 10);
        }
    }
}
