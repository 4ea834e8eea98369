package dev.pollsim.sim.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pollsim.policy.PolicyDefinition;
import dev.pollsim.policy.builtin.BuiltinPolicies;
import dev.pollsim.policy.param.Durations;
import dev.pollsim.sim.engine.RandomStreams;
import dev.pollsim.sim.metrics.PolicyResult;
import dev.pollsim.sim.workload.ArrivalProcess;
import dev.pollsim.sim.workload.ArrivalSource;
import dev.pollsim.sim.workload.Origin;
import dev.pollsim.sim.workload.PoissonProcess;
import dev.pollsim.sim.workload.ServiceTime;
import dev.pollsim.sim.workload.SyntheticArrivals;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Invariants of every built-in policy, over random fleets, workloads and faults. */
class EveryPolicyInvariantsTest {

    private static final long S = Durations.MICROS_PER_SECOND;
    private static final long H = Durations.MICROS_PER_HOUR;

    @Provide
    Arbitrary<String> policies() {
        return Arbitraries.of(BuiltinPolicies.catalogue().withDefaults().stream().map(d -> d.name()).toList());
    }

    /** Poisson arrivals that stop after {@code untilUs}. */
    private static ArrivalSource arrivalsUntil(double ratePerHour, long untilUs, long serviceUs, Origin origin, long seed) {
        PoissonProcess p = new PoissonProcess(ratePerHour, new RandomStreams(seed).commonsStream("workload/arrivals"));
        ArrivalProcess bounded = () -> {
            long t = p.nextTimeUs();
            return t < untilUs ? t : ArrivalSource.NONE;
        };
        return new SyntheticArrivals(bounded, ServiceTime.constant(serviceUs), origin);
    }

    private static PolicyResult run(String name, World world, ArrivalSource arrivals, long seed) {
        PolicyDefinition d = BuiltinPolicies.catalogue().find(name).orElseThrow();
        return new FleetSimulation(world, d.factory(d.resolve(Map.of())), arrivals, new RandomStreams(seed))
                .result(name, name, Map.of());
    }

    @Property(tries = 120)
    void noPolicyLosesAJobWhenItsWakeSourcesAreComplete(
            @ForAll("policies") String policy,
            @ForAll @IntRange(min = 1, max = 4) int daemons,
            @ForAll @IntRange(min = 1, max = 4) int slots,
            @ForAll @DoubleRange(min = 0.5, max = 60) double ratePerHour,
            @ForAll @LongRange(min = 0, max = 1_800) long serviceSeconds,
            @ForAll @LongRange(min = 0, max = 500) long tickLatencyMs,
            @ForAll long seed) {
        // local jobs for the first 12 h, then 12 h for the fleet to catch up; total work well
        // within capacity, so a stranded job can only be a lost one
        Assume.that(ratePerHour * 12 * serviceSeconds / 3600.0 <= daemons * slots * 4.0);
        // two policies cap their own throughput: gastown takes at most the free slots per poke
        // (a poke per 5 min while active), batched at most min(slots, 4) per ~5 s tick
        Assume.that(!policy.equals("gastown") || ratePerHour <= 6.0 * daemons * slots);
        Assume.that(!policy.equals("batched") || ratePerHour <= 360.0 * daemons * Math.min(4, slots));
        World world = World.of(new FleetConfig(daemons, slots, 1, StartPhases.SPREAD, tickLatencyMs * 1_000), 24 * H);
        PolicyResult r = run(policy, world, arrivalsUntil(ratePerHour, 12 * H, serviceSeconds * S, Origin.LOCAL, seed), seed);
        assertThat(r.jobs().stranded()).as(policy).isZero();
        assertThat(r.jobs().picked()).isEqualTo(r.jobs().arrived());
    }

    /** Every policy but those whose own rate caps what they take (batched, gastown's pokes). */
    @Provide
    Arbitrary<String> uncappedPolicies() {
        return Arbitraries.of(BuiltinPolicies.catalogue().withDefaults().stream().map(d -> d.name())
                .filter(n -> !n.equals("batched") && !n.equals("gastown")).toList());
    }

    @Property(tries = 40)
    void aStormOfWakesNeverPostponesAPoll(
            @ForAll("uncappedPolicies") String policy,
            @ForAll @DoubleRange(min = 3_600, max = 72_000) double ratePerHour,
            @ForAll long seed) {
        // one to twenty local jobs a second for 10 minutes: each rings the wake bus
        World world = World.of(new FleetConfig(1, 100_000, 1, StartPhases.SPREAD), H);
        PolicyResult r = run(policy, world, arrivalsUntil(ratePerHour, H / 6, S, Origin.LOCAL, seed), seed);
        assertThat(r.jobs().stranded()).as(policy).isZero();
        // no poll is ever postponed: every job waits at most one backed-off interval
        assertThat(r.wakeLatency().maxUs()).as(policy).isLessThanOrEqualTo(60 * S);
    }

    @Property(tries = 120)
    void everyJobIsAccountedForUnderFailuresAndRestarts(
            @ForAll("policies") String policy,
            @ForAll @IntRange(min = 1, max = 4) int daemons,
            @ForAll @IntRange(min = 1, max = 3) int slots,
            @ForAll @DoubleRange(min = 0, max = 120) double ratePerHour,
            @ForAll @LongRange(min = 0, max = 3_600) long serviceSeconds,
            @ForAll @DoubleRange(min = 0, max = 1) double failure,
            @ForAll boolean local,
            @ForAll boolean restart,
            @ForAll long seed) {
        FaultPlan faults = new FaultPlan(List.of(), new FaultPlan.JobFailures(failure, 20 * 60 * S, 3),
                restart ? List.of(new FaultPlan.Restart(6 * H, FaultPlan.Restart.ALL, 30 * S)) : List.of(), List.of());
        World world = new World(new FleetConfig(daemons, slots, 2, StartPhases.SPREAD),
                new UpstreamConfig(300 * S, S, UpstreamConfig.RateLimit.NONE), faults, 24 * H);
        PolicyResult r = run(policy, world,
                arrivalsUntil(ratePerHour, 24 * H, serviceSeconds * S, local ? Origin.LOCAL : Origin.REMOTE, seed), seed);
        var j = r.jobs();
        assertThat(j.arrived() + j.retried()).isEqualTo(j.picked() + j.stranded());
        assertThat(j.completed() + j.failed()).isLessThanOrEqualTo(j.picked());
        assertThat(j.retried() + j.pendingRetry()).isLessThanOrEqualTo(j.picked());
        assertThat(List.of(j.arrived(), j.retried(), j.picked(), j.stranded(), j.completed(), j.failed(), j.pendingRetry()))
                .allSatisfy(v -> assertThat(v).isNotNegative());
        assertThat(r.requests()).isNotNegative();
        assertThat(r.requestsByLoop().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(r.requests());
        assertThat(r.wakeLatency().count()).isEqualTo(j.picked());
        assertThat(r.upstream().warmUs()).isBetween(0L, 24 * H);
        assertThat(r.loops().restarts()).isEqualTo(restart ? daemons : 0);
    }
}
