package dev.pollsim.sim.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pollsim.policy.PolicyFactory;
import dev.pollsim.policy.builtin.ExpIdlePolicy;
import dev.pollsim.policy.builtin.FixedIntervalPolicy;
import dev.pollsim.policy.param.Durations;
import dev.pollsim.sim.engine.RandomStreams;
import dev.pollsim.sim.metrics.PolicyResult;
import dev.pollsim.sim.metrics.RequestKind;
import dev.pollsim.sim.workload.Origin;
import dev.pollsim.sim.workload.PoissonProcess;
import dev.pollsim.sim.workload.ServiceTime;
import dev.pollsim.sim.workload.SyntheticArrivals;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Invariants that hold for every fleet, workload and seed. */
class FleetInvariantsTest {

    private static final long S = Durations.MICROS_PER_SECOND;

    @Property(tries = 60)
    void everyArrivedJobIsPickedOrStrandedAndNoCountIsNegative(
            @ForAll @IntRange(min = 1, max = 6) int daemons,
            @ForAll @IntRange(min = 1, max = 3) int slots,
            @ForAll @IntRange(min = 0, max = 3) int requestsPerTick,
            @ForAll @DoubleRange(min = 0, max = 600) double ratePerHour,
            @ForAll @LongRange(min = 0, max = 3_600) long serviceSeconds,
            @ForAll boolean expIdle,
            @ForAll boolean local,
            @ForAll long seed) {
        PolicyFactory policy = PolicyFactory.single(expIdle ? r -> ExpIdlePolicy.seedDefaults() : r -> new FixedIntervalPolicy(10 * S));
        SyntheticArrivals arrivals = new SyntheticArrivals(
                new PoissonProcess(ratePerHour, new RandomStreams(seed).commonsStream("workload/arrivals")),
                ServiceTime.constant(serviceSeconds * S), local ? Origin.LOCAL : Origin.REMOTE);
        List<Long> tickTimes = new ArrayList<>();
        PolicyResult r = FleetSimulationTest.run(new FleetConfig(daemons, slots, requestsPerTick, StartPhases.SPREAD),
                policy, arrivals, seed, Durations.MICROS_PER_DAY, (loop, now, d, sat, delay) -> tickTimes.add(now));

        assertThat(r.jobs().arrived()).isEqualTo(r.jobs().picked() + r.jobs().stranded());
        assertThat(r.jobs().completed()).isBetween(0L, r.jobs().picked());
        assertThat(r.jobs().stranded()).isNotNegative();
        assertThat(r.requestsByKind().values()).allSatisfy(v -> assertThat(v).isNotNegative());
        assertThat(r.requestsByKind().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(r.requests());
        assertThat(r.requestsPerDaemon().stream().mapToLong(Long::longValue).sum()).isEqualTo(r.requests());
        assertThat(r.requests()).isEqualTo((r.ticks() - r.saturatedTicks()) * requestsPerTick);
        assertThat(r.requestsByKind().get(RequestKind.WORK_POLL)).isLessThanOrEqualTo(r.jobs().picked() * requestsPerTick);
        assertThat(r.wakeLatency().count()).isEqualTo(r.jobs().picked());
        assertThat(tickTimes).isSorted();
        assertThat(r.hourly().arrivals()).hasSize(24);
        assertThat(java.util.Arrays.stream(r.hourly().arrivals()).sum()).isEqualTo(r.jobs().arrived());
        assertThat(java.util.Arrays.stream(r.hourly().requests()).sum()).isEqualTo(r.requests());
    }
}
