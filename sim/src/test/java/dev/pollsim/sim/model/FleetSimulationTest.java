package dev.pollsim.sim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pollsim.policy.PolicyFactory;
import dev.pollsim.policy.PollPolicy;
import dev.pollsim.policy.TickOutcome;
import dev.pollsim.policy.builtin.ExpIdlePolicy;
import dev.pollsim.policy.builtin.FixedIntervalPolicy;
import dev.pollsim.policy.param.Durations;
import dev.pollsim.sim.engine.RandomStreams;
import dev.pollsim.sim.metrics.PolicyResult;
import dev.pollsim.sim.metrics.RequestKind;
import dev.pollsim.sim.workload.ArrivalSource;
import dev.pollsim.sim.workload.BurstProcess;
import dev.pollsim.sim.workload.Origin;
import dev.pollsim.sim.workload.PoissonProcess;
import dev.pollsim.sim.workload.ServiceTime;
import dev.pollsim.sim.workload.SyntheticArrivals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetSimulationTest {

    private static final long S = Durations.MICROS_PER_SECOND;
    private static final long DAY = Durations.MICROS_PER_DAY;

    static PolicyResult run(FleetConfig fleet, PolicyFactory policy, ArrivalSource arrivals, long seed, long horizon,
            TickObserver observer) {
        return run(World.of(fleet, horizon), policy, arrivals, seed, observer);
    }

    static PolicyResult run(World world, PolicyFactory policy, ArrivalSource arrivals, long seed, TickObserver observer) {
        return new FleetSimulation(world, policy, arrivals, new RandomStreams(seed))
                .observe(observer).result("test", "test", Map.of());
    }

    static ArrivalSource poisson(double ratePerHour, long serviceUs, long seed) {
        return new SyntheticArrivals(
                new PoissonProcess(ratePerHour, new RandomStreams(seed).commonsStream("workload/arrivals")),
                ServiceTime.constant(serviceUs), Origin.REMOTE);
    }

    private static ArrivalSource burst(int count, long at, long serviceUs) {
        return new SyntheticArrivals(new BurstProcess(count, at), ServiceTime.constant(serviceUs), Origin.REMOTE);
    }

    private static ArrivalSource none() {
        return new SyntheticArrivals(() -> ArrivalSource.NONE, ServiceTime.constant(0), Origin.REMOTE);
    }

    @Test
    void fixedIntervalUnderPoissonShouldCost86400OverTPerDayAndWaitHalfAnInterval() {
        long t = 10 * S;
        int days = 60;
        PolicyResult r = run(new FleetConfig(1, 1000, 1, StartPhases.SPREAD), PolicyFactory.single(rnd -> new FixedIntervalPolicy(t)),
                poisson(120, 30 * S, 9), 9, days * DAY, TickObserver.NONE);

        assertThat(r.requestsPerDay()).isEqualTo(86_400.0 / 10);
        assertThat(r.jobs().picked()).isGreaterThan(150_000);
        // uniform wait on [0, T): mean T/2, p99 0.99 T, within 1%
        assertThat(r.wakeLatency().meanUs()).isCloseTo(t / 2.0, within(0.01 * t / 2));
        assertThat((double) r.wakeLatency().p99Us()).isCloseTo(0.99 * t, within(0.01 * 0.99 * t));
        assertThat(r.wakeLatency().maxUs()).isLessThan(t);
    }

    @Test
    void loopsWhoseFirstTicksAreTooFarToSortShouldStillTickOnTheirPhase() {
        // a 2 h interval puts first ticks past 2^32 us, where a fleet arms them loop by loop
        // instead of sorted: still 12 ticks a day for each of 50 daemons, on their phases
        long t = 2 * Durations.MICROS_PER_HOUR;
        PolicyResult r = run(new FleetConfig(50, 1000, 1, StartPhases.SPREAD),
                PolicyFactory.single(rnd -> new FixedIntervalPolicy(t)), poisson(20, 30 * S, 3), 3, 20 * DAY,
                TickObserver.NONE);
        assertThat(r.ticks()).isEqualTo(50L * 12 * 20);
        assertThat(r.jobs().picked() + r.jobs().stranded()).isEqualTo(r.jobs().arrived());
        // a job waits for the next of 50 phases drawn uniformly on the interval: T/51 on average
        // over the draws (the gaps' squares over twice the interval), within 20% for one draw
        assertThat(r.wakeLatency().meanUs()).isCloseTo(t / 51.0, within(0.2 * t / 51));
    }

    @Test
    void expIdleShouldCostWhatTheSeedCurveGivesOnAFullyIdleDay() {
        // Aligned start: ticks at 0, 15, 37.5, 71.25, 121.875, 197.8125, 311.71875 s (the curve
        // 15, 22.5, 33.75, 50.625, 75.9375, 113.90625 s), then every 120 s while
        // 311.71875 + 120 k < 86400, i.e. k = 1..717: 7 + 717 = 724 ticks, 2 requests each.
        List<Long> ticks = new ArrayList<>();
        PolicyResult r = run(new FleetConfig(1, 4, 2, StartPhases.ALIGNED), PolicyFactory.single(rnd -> ExpIdlePolicy.seedDefaults()),
                none(), 1, DAY, (loop, now, d, sat, delay) -> ticks.add(now));

        assertThat(ticks).hasSize(724).startsWith(0L, 15 * S, 37_500_000L, 71_250_000L, 121_875_000L,
                197_812_500L, 311_718_750L, 431_718_750L);
        assertThat(r.requests()).isEqualTo(1448);
        assertThat(r.requestsByKind().get(RequestKind.EMPTY_POLL)).isEqualTo(1448);
        assertThat(r.emptyPollFraction()).isEqualTo(1.0);
    }

    @Test
    void fixedIntervalShouldCostTheSameWhateverTheStartPhase() {
        for (long seed = 1; seed <= 5; seed++) {
            PolicyResult r = run(new FleetConfig(3, 4, 2, StartPhases.SPREAD), PolicyFactory.single(rnd -> new FixedIntervalPolicy(10 * S)),
                    none(), seed, DAY, TickObserver.NONE);
            assertThat(r.requestsPerDaemon()).containsExactly(17_280L, 17_280L, 17_280L);
        }
    }

    @Test
    void saturatedTicksShouldMakeNoRequestAndTakeNothing() {
        // one slot, three 25 s jobs at t=0, a 10 s tick from t=0: picked at 0, 30 and 60 s;
        // ticks at 10, 20, 40, 50, 70 and 80 s find the slot busy.
        PolicyResult r = run(new FleetConfig(1, 1, 1, StartPhases.ALIGNED), PolicyFactory.single(rnd -> new FixedIntervalPolicy(10 * S)),
                burst(3, 0, 25 * S), 1, DAY, TickObserver.NONE);

        assertThat(r.saturatedTicks()).isEqualTo(6);
        assertThat(r.requests()).isEqualTo(8640 - 6);
        assertThat(r.wakeLatency().meanUs()).isEqualTo(30.0 * S);
        assertThat(r.wakeLatency().maxUs()).isEqualTo(60 * S);
        assertThat(r.jobs()).isEqualTo(dev.pollsim.sim.metrics.JobCounts.of(3, 3, 0, 3));
        assertThat(r.requestsByKind().get(RequestKind.WORK_POLL)).isEqualTo(3);
    }

    @Test
    void aFreedSlotShouldRescheduleTheExpIdlePollAtTheBaseInterval() {
        // one 100 s job at t=0: ticks at 0 (work), 10, 25, 47.5, 81.25 (idle, next due 131.875);
        // the job ends at 100 s, so the poll moves to 110 s and that tick sees the pool change.
        List<Long> ticks = new ArrayList<>();
        run(new FleetConfig(1, 4, 1, StartPhases.ALIGNED), PolicyFactory.single(rnd -> ExpIdlePolicy.seedDefaults()),
                burst(1, 0, 100 * S), 1, 200 * S, (loop, now, d, sat, delay) -> ticks.add(now));

        assertThat(ticks).containsExactly(0L, 10 * S, 25 * S, 47_500_000L, 81_250_000L, 110 * S, 120 * S,
                135 * S, 157_500_000L, 191_250_000L);
    }

    @Test
    void aJobShouldGoToTheFirstDaemonThatPollsAfterItArrives() {
        // daemons phase-aligned at 0 with 10 s; a job at 5 s waits 5 s whichever daemon takes it
        PolicyResult r = run(new FleetConfig(2, 1, 1, StartPhases.ALIGNED), PolicyFactory.single(rnd -> new FixedIntervalPolicy(10 * S)),
                burst(1, 5 * S, S), 1, DAY, TickObserver.NONE);
        assertThat(r.wakeLatency().maxUs()).isEqualTo(5 * S);
        assertThat(r.requestsByKind().get(RequestKind.WORK_POLL)).isEqualTo(1);
    }

    @Test
    void shouldStrandJobsStillQueuedAtTheHorizon() {
        PolicyResult r = run(new FleetConfig(1, 1, 1, StartPhases.ALIGNED), PolicyFactory.single(rnd -> new FixedIntervalPolicy(10 * S)),
                burst(5, 0, DAY), 1, DAY, TickObserver.NONE);
        assertThat(r.jobs()).isEqualTo(dev.pollsim.sim.metrics.JobCounts.of(5, 1, 4, 0));
    }

    @Test
    void hourlyPeakQueueDepthShouldCoverHoursWithoutArrivals() {
        // one slot, five 2 h jobs at t=0, picked at 0, 2 h, 4 h, 6 h, 8 h (each within a tick)
        PolicyResult r = run(new FleetConfig(1, 1, 1, StartPhases.ALIGNED), PolicyFactory.single(rnd -> new FixedIntervalPolicy(10 * S)),
                burst(5, 0, 2 * Durations.MICROS_PER_HOUR), 1, DAY, TickObserver.NONE);
        assertThat(r.hourly().peakQueued()).startsWith(5, 4, 4, 3, 3, 2, 2, 1, 1, 0, 0);
    }

    @Test
    void sameSeedShouldGiveTheSameResult() {
        PolicyFactory p = PolicyFactory.single(rnd -> ExpIdlePolicy.seedDefaults());
        FleetConfig f = new FleetConfig(4, 2, 2, StartPhases.SPREAD);
        PolicyResult a = run(f, p, poisson(60, 90 * S, 3), 3, 3 * DAY, TickObserver.NONE);
        PolicyResult b = run(f, p, poisson(60, 90 * S, 3), 3, 3 * DAY, TickObserver.NONE);
        assertThat(a).isEqualTo(b);
        PolicyResult c = run(f, p, poisson(60, 90 * S, 4), 4, 3 * DAY, TickObserver.NONE);
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void dueTimesReportedOnlyLateInTheRunShouldMakeTicksOverdueFromThenOn() {
        // a 10 s loop whose daemon, from the first hour on, reports each tick 3 s before it comes:
        // reported due times are kept per loop only from then, while loops are parked or in flight
        long hour = Durations.MICROS_PER_HOUR;
        PolicyFactory early = PolicyFactory.single(rnd -> new PollPolicy() {
            @Override
            public long initialIntervalUs() {
                return 10 * S;
            }

            @Override
            public long steadyIdlePeriodUs() {
                return 10 * S;
            }

            @Override
            public long onTick(long nowUs, TickOutcome outcome) {
                return 10 * S;
            }

            @Override
            public long reportedDueUs(long nowUs, long delayUs) {
                return nowUs + delayUs - (nowUs >= hour ? 3 * S : 0);
            }
        });
        for (long latency : new long[] {0, 4 * S}) {
            World world = World.of(new FleetConfig(6, 2, 1, StartPhases.SPREAD, latency), 3 * hour);
            PolicyResult fast = run(world, early, poisson(30, 60 * S, 5), 5, TickObserver.NONE);
            PolicyResult step = run(world.withFastForward(false), early, poisson(30, 60 * S, 5), 5, TickObserver.NONE);

            assertThat(fast).as("latency %d", latency).isEqualTo(step);
            assertThat(fast.loops().maxOverdueUs()).as("latency %d", latency).isEqualTo(3 * S);
            long[] at = fast.intervals().atUs();
            long[] overdue = fast.intervals().overdueUs();
            for (int i = 0; i < at.length; i++) {
                // a tick decided before the hour was armed before it, and came when due
                boolean armedAfterTheHour = i > 0 && at[i - 1] >= hour;
                assertThat(overdue[i]).as("tick at %d", at[i]).isEqualTo(armedAfterTheHour ? 3 * S : 0);
            }
        }
    }
}
