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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** A composed policy in a fleet, over random parts, workloads and faults. */
class ComposedFleetPropertiesTest {

    private static final long S = Durations.MICROS_PER_SECOND;
    private static final long H = Durations.MICROS_PER_HOUR;
    private static final String[] CURVES = {"fixed", "linear", "geometric", "exponential", "idle-streak"};
    private static final String[] JITTERS = {"none", "full", "equal", "decorrelated", "percent"};

    /** Random but valid parts: every curve, jitter and wake source; a suspend window only with both wakes. */
    private static Map<String, String> parts(int curve, long floorS, int jitter, boolean suspend, boolean freedSlot,
            boolean batch) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("curve.kind", CURVES[curve]);
        p.put("curve.floor", floorS + "s");
        if (curve > 0 && curve < 4) {
            p.put("curve.cap", (floorS * 8) + "s");
        }
        if (curve == 2) {
            p.put("curve.factor", "1.5");
        }
        if (curve == 4) {
            p.put("curve.maxStreak", "3");
        }
        p.put("jitter.kind", JITTERS[jitter]);
        if (jitter == 4) {
            p.put("jitter.percent", "30");
        }
        if (suspend) {
            p.put("wakeOn", freedSlot ? "localEnqueue,retryDeadline,freedSlot" : "localEnqueue,retryDeadline");
            p.put("suspendAfter", "2m");
        } else if (freedSlot) {
            p.put("wakeOn", "freedSlot");
        }
        if (batch) {
            p.put("batch.size", "2");
            p.put("batch.spawnJitter.min", "10ms");
            p.put("batch.spawnJitter.max", "90ms");
        }
        return p;
    }

    private static PolicyResult run(Map<String, String> parts, World world, ArrivalSource arrivals, long seed) {
        PolicyDefinition d = BuiltinPolicies.catalogue().find("composed").orElseThrow();
        return new FleetSimulation(world, d.factory(d.resolve(parts)), arrivals, new RandomStreams(seed))
                .result("mine", "composed", Map.of());
    }

    private static ArrivalSource arrivalsUntil(double ratePerHour, long untilUs, long serviceUs, Origin origin, long seed) {
        PoissonProcess p = new PoissonProcess(ratePerHour, new RandomStreams(seed).commonsStream("workload/arrivals"));
        ArrivalProcess bounded = () -> {
            long t = p.nextTimeUs();
            return t < untilUs ? t : ArrivalSource.NONE;
        };
        return new SyntheticArrivals(bounded, ServiceTime.constant(serviceUs), origin);
    }

    @Property(tries = 150)
    void aComposedPolicyWithCompleteWakeSourcesLosesNoJob(
            @ForAll @IntRange(min = 0, max = 4) int curve,
            @ForAll @LongRange(min = 1, max = 60) long floorS,
            @ForAll @IntRange(min = 0, max = 4) int jitter,
            @ForAll boolean suspend,
            @ForAll boolean freedSlot,
            @ForAll boolean batch,
            @ForAll @IntRange(min = 1, max = 3) int daemons,
            @ForAll @IntRange(min = 1, max = 4) int slots,
            @ForAll @DoubleRange(min = 0.5, max = 40) double ratePerHour,
            @ForAll @LongRange(min = 0, max = 1_200) long serviceSeconds,
            @ForAll @DoubleRange(min = 0, max = 0.3) double failure,
            @ForAll @LongRange(min = 0, max = 300) long tickLatencyMs,
            @ForAll long seed) {
        Assume.that(ratePerHour * 12 * serviceSeconds / 3600.0 <= daemons * slots * 3.0);
        FaultPlan faults = new FaultPlan(List.of(), new FaultPlan.JobFailures(failure, 10 * 60 * S, 2), List.of(), List.of());
        World world = new World(new FleetConfig(daemons, slots, 1, StartPhases.SPREAD, tickLatencyMs * 1_000),
                UpstreamConfig.NONE, faults, 24 * H);
        PolicyResult r = run(parts(curve, floorS, jitter, suspend, freedSlot, batch), world,
                arrivalsUntil(ratePerHour, 12 * H, serviceSeconds * S, Origin.LOCAL, seed), seed);
        var j = r.jobs();
        assertThat(j.stranded()).isZero();
        assertThat(j.arrived() + j.retried()).isEqualTo(j.picked());
        if (!suspend) {
            assertThat(r.loops().suspends()).isZero();
        }
    }

    @Property(tries = 100)
    void everyJobIsAccountedForUnderErrorsFailuresAndRestarts(
            @ForAll @IntRange(min = 0, max = 4) int curve,
            @ForAll @LongRange(min = 1, max = 60) long floorS,
            @ForAll @IntRange(min = 0, max = 4) int jitter,
            @ForAll boolean suspend,
            @ForAll boolean freedSlot,
            @ForAll boolean batch,
            @ForAll @IntRange(min = 1, max = 3) int daemons,
            @ForAll @DoubleRange(min = 0, max = 60) double ratePerHour,
            @ForAll @DoubleRange(min = 0, max = 1) double errorRate,
            @ForAll boolean local,
            @ForAll long seed) {
        FaultPlan faults = new FaultPlan(
                List.of(new FaultPlan.ErrorWindow(2 * H, 4 * H, dev.pollsim.policy.TickError.RATE_LIMITED, errorRate),
                        new FaultPlan.ErrorWindow(6 * H, 7 * H, dev.pollsim.policy.TickError.SERVER_ERROR, errorRate)),
                new FaultPlan.JobFailures(0.2, 15 * 60 * S, 3),
                List.of(new FaultPlan.Restart(5 * H, FaultPlan.Restart.ALL, 30 * S)), List.of());
        World world = new World(new FleetConfig(daemons, 2, 2, StartPhases.SPREAD),
                new UpstreamConfig(300 * S, S, UpstreamConfig.RateLimit.NONE), faults, 12 * H);
        PolicyResult r = run(parts(curve, floorS, jitter, suspend, freedSlot, batch), world,
                arrivalsUntil(ratePerHour, 12 * H, 120 * S, local ? Origin.LOCAL : Origin.REMOTE, seed), seed);
        var j = r.jobs();
        assertThat(j.arrived() + j.retried()).isEqualTo(j.picked() + j.stranded());
        assertThat(j.completed() + j.failed()).isLessThanOrEqualTo(j.picked());
        assertThat(r.requestsByLoop().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(r.requests());
        assertThat(r.loops().restarts()).isEqualTo(daemons);
        assertThat(r.wakeLatency().count()).isEqualTo(j.picked());
    }
}
