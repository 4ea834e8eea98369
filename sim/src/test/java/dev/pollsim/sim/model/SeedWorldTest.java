package dev.pollsim.sim.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pollsim.policy.PolicyDefinition;
import dev.pollsim.policy.PolicyFactory;
import dev.pollsim.policy.TickError;
import dev.pollsim.policy.builtin.BuiltinPolicies;
import dev.pollsim.policy.param.Durations;
import dev.pollsim.policy.param.PolicyParams;
import dev.pollsim.sim.engine.RandomStreams;
import dev.pollsim.sim.metrics.IntervalSeries;
import dev.pollsim.sim.metrics.PolicyResult;
import dev.pollsim.sim.metrics.RequestKind;
import dev.pollsim.sim.workload.ArrivalSource;
import dev.pollsim.sim.workload.BurstProcess;
import dev.pollsim.sim.workload.Origin;
import dev.pollsim.sim.workload.ServiceTime;
import dev.pollsim.sim.workload.SyntheticArrivals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each seed's stated numbers and each review finding, reproduced in the simulated world. */
class SeedWorldTest {

    private static final long MS = 1_000L;
    private static final long S = Durations.MICROS_PER_SECOND;
    private static final long MIN = Durations.MICROS_PER_MINUTE;
    private static final long H = Durations.MICROS_PER_HOUR;
    private static final long DAY = Durations.MICROS_PER_DAY;

    private static PolicyFactory policy(String name, Map<String, String> params) {
        PolicyDefinition d = BuiltinPolicies.catalogue().find(name).orElseThrow();
        return d.factory(d.resolve(params));
    }

    private static PolicyParams params(String name, Map<String, String> params) {
        return BuiltinPolicies.catalogue().find(name).orElseThrow().resolve(params);
    }

    private static ArrivalSource burst(int count, long at, long serviceUs, Origin origin) {
        return new SyntheticArrivals(new BurstProcess(count, at), ServiceTime.constant(serviceUs), origin);
    }

    private static ArrivalSource none() {
        return burst(0, 0, 0, Origin.REMOTE);
    }

    private static PolicyResult run(World world, PolicyFactory policy, ArrivalSource arrivals, TickObserver observer) {
        return new FleetSimulation(world, policy, arrivals, new RandomStreams(1)).observe(observer)
                .result("t", "t", Map.of());
    }

    private static PolicyResult runWithRamp(World world, PolicyFactory policy, ArrivalSource arrivals, long from,
            long target) {
        return new FleetSimulation(world, policy, arrivals, new RandomStreams(1)).watchRamp(from, target)
                .result("t", "t", Map.of());
    }

    // ---- (a) seed 004: the ramp ------------------------------------------------------------

    @Test
    void oneSpawnPerTickShouldStartTheEighthJob35SecondsAfterTheFirstTick() {
        World w = World.of(new FleetConfig(1, 8, 1, StartPhases.ALIGNED), 1 * H);
        PolicyResult r = runWithRamp(w, policy("batched", Map.of("spawnsPerTick", "1")),
                burst(8, 0, 10 * MIN, Origin.REMOTE), 0, 8);
        assertThat(r.rampTimeUs()).isEqualTo(35 * S);
        assertThat(r.timeToStart().maxUs()).isEqualTo(35 * S);
        assertThat(r.wakeLatency().maxUs()).isEqualTo(35 * S);
    }

    @Test
    void fourSpawnsPerTickShouldStartTheEighthJobOnTheSecondTick() {
        World w = World.of(new FleetConfig(1, 8, 1, StartPhases.ALIGNED), 1 * H);
        List<Long> ticks = new ArrayList<>();
        PolicyResult r = new FleetSimulation(w, policy("batched", Map.of()), burst(8, 0, 10 * MIN, Origin.REMOTE),
                new RandomStreams(1)).watchRamp(0, 8).observe((loop, now, d, sat, delay) -> {
                    if (d > 0) {
                        ticks.add(now);
                    }
                }).result("t", "t", Map.of());
        assertThat(ticks).hasSize(2);
        // three 50-150 ms gaps after the first tick, then the 5 s sleep
        assertThat(ticks.get(1)).isBetween(5 * S + 150 * MS, 5 * S + 450 * MS);
        assertThat(r.rampTimeUs()).isBetween(ticks.get(1) + 150 * MS, ticks.get(1) + 450 * MS);
        assertThat(r.wakeLatency().maxUs()).isEqualTo(ticks.get(1));
    }

    @Test
    void aReloadShouldChangeTheHotFieldsForLaterTicks() {
        // 4 slots, 1 spawn per tick; at 1 min the reload allows 8 slots and 4 spawns per tick
        FaultPlan faults = new FaultPlan(List.of(), FaultPlan.JobFailures.NONE, List.of(),
                List.of(new FaultPlan.Reload(MIN, 8, params("batched", Map.of("spawnsPerTick", "4")))));
        World w = new World(new FleetConfig(1, 4, 1, StartPhases.ALIGNED), UpstreamConfig.NONE, faults, 1 * H);
        List<Integer> dispatched = new ArrayList<>();
        new FleetSimulation(w, policy("batched", Map.of("spawnsPerTick", "1")), burst(8, 0, 30 * MIN, Origin.REMOTE),
                new RandomStreams(1)).observe((loop, now, d, sat, delay) -> {
                    if (d > 0) {
                        dispatched.add(d);
                    }
                }).result("t", "t", Map.of());
        // before the reload: one job per tick until the 4 slots are full; after: 4 more at once
        assertThat(dispatched).containsExactly(1, 1, 1, 1, 4);
    }

    // ---- (b) seed 002: the clamp bug --------------------------------------------------------

    @Test
    void theClampBugShouldCostAsMuchAsNoBackoffAtAll() {
        World w = World.of(new FleetConfig(1, 4, 1, StartPhases.SPREAD), DAY);
        PolicyResult noBackoff = run(w, policy("fixed", Map.of("interval", "5s")), none(), TickObserver.NONE);
        PolicyResult bug = run(w, policy("idle-streak-clamp-bug", Map.of()), none(), TickObserver.NONE);
        PolicyResult fixedStreak = run(w, policy("idle-streak", Map.of()), none(), TickObserver.NONE);
        assertThat(bug.requestsPerDay()).isEqualTo(noBackoff.requestsPerDay()).isEqualTo(17_280.0);
        // 5 s x 2^7 = 640 s once backed off: about 135 a day
        assertThat(fixedStreak.requestsPerDay()).isLessThan(noBackoff.requestsPerDay() / 100);
    }

    // ---- (c) seed 001: hibernation and its findings -----------------------------------------

    @Test
    void theSeriesShouldShowTheOverdueTickAfterARestartAndNoOther() {
        // seed 002's status reports the next tick due one interval after the last; a restart at
        // 30 min with 20 s of downtime makes the first tick after it come 15 s past that
        FaultPlan faults = new FaultPlan(List.of(), FaultPlan.JobFailures.NONE,
                List.of(new FaultPlan.Restart(30 * MIN, 0, 20 * S)), List.of());
        World w = new World(new FleetConfig(1, 4, 1, StartPhases.ALIGNED), UpstreamConfig.NONE, faults, 2 * H);
        for (World world : List.of(w, w.withFastForward(false))) {
            PolicyResult r = run(world, policy("idle-streak", Map.of()), none(), TickObserver.NONE);
            IntervalSeries series = r.intervals();
            long[] at = series.atUs();
            long[] overdue = series.overdueUs();
            List<Long> late = new ArrayList<>();
            for (int i = 0; i < overdue.length; i++) {
                assertThat(overdue[i]).isNotNegative();
                if (overdue[i] > 0) {
                    late.add(at[i]);
                    assertThat(overdue[i]).isEqualTo(15 * S);
                }
            }
            assertThat(late).containsExactly(30 * MIN + 20 * S);
            assertThat(r.loops().maxOverdueUs()).isEqualTo(15 * S);
        }
    }

    @Test
    void hibernateShouldMakeNoRequestAfterTheIdleWindowOfAnIdleDay() {
        World w = World.of(new FleetConfig(1, 4, 1, StartPhases.ALIGNED), DAY);
        List<Long> ticks = new ArrayList<>();
        PolicyResult r = run(w, policy("hibernate", Map.of("jitterPercent", "0")), none(),
                (loop, now, d, sat, delay) -> ticks.add(now));
        // each of the 4 workers: 14 ticks over 300 s; the reaper: 2 idle sweeps (0 and 30 s)
        assertThat(ticks).allSatisfy(t -> assertThat(t).isLessThanOrEqualTo(300 * S));
        assertThat(r.requests()).isEqualTo(4 * 14 + 2);
        assertThat(r.requestsByLoop()).containsEntry("worker-1", 14L).containsEntry("reaper", 2L);
        assertThat(r.requestsByKind().get(RequestKind.HEARTBEAT)).isEqualTo(2);
        assertThat(r.loops().suspends()).isEqualTo(5);
    }

    @Test
    void aLocalEnqueueShouldWakeASuspendedLoopWithinOneFloorInterval() {
        World w = World.of(new FleetConfig(1, 4, 1, StartPhases.SPREAD), DAY);
        PolicyResult r = run(w, policy("hibernate", Map.of()), burst(1, 2 * H, 10 * S, Origin.LOCAL), TickObserver.NONE);
        assertThat(r.jobs().picked()).isEqualTo(1);
        assertThat(r.wakeLatency().maxUs()).isLessThanOrEqualTo(S);
        assertThat(r.loops().wakes()).isEqualTo(5);
    }

    @Test
    void aRemoteEnqueueShouldStrandTheJobOfAHibernatedDaemon() {
        World w = World.of(new FleetConfig(1, 4, 1, StartPhases.SPREAD), DAY);
        PolicyResult r = run(w, policy("hibernate", Map.of()), burst(1, 2 * H, 10 * S, Origin.REMOTE), TickObserver.NONE);
        assertThat(r.jobs().stranded()).isEqualTo(1);
        assertThat(r.jobs().picked()).isZero();
    }

    /** A local job at 1 h that fails once and is retried 30 min later. */
    private static World retryWorld(List<FaultPlan.Restart> restarts) {
        FaultPlan faults = new FaultPlan(List.of(), new FaultPlan.JobFailures(1.0, 30 * MIN, 2), restarts, List.of());
        return new World(new FleetConfig(1, 4, 1, StartPhases.SPREAD), UpstreamConfig.NONE, faults, DAY);
    }

    @Test
    void aRetryDeadlineShouldWakeHibernateButStrandTheJobWithoutThatWake() {
        ArrivalSource job = burst(1, H, 10 * S, Origin.LOCAL);
        PolicyResult fixedPr = run(retryWorld(List.of()), policy("hibernate", Map.of()), job, TickObserver.NONE);
        assertThat(fixedPr.jobs().retried()).isEqualTo(1);
        assertThat(fixedPr.jobs().picked()).isEqualTo(2);
        assertThat(fixedPr.jobs().stranded()).isZero();
        assertThat(fixedPr.wakeLatency().maxUs()).isLessThanOrEqualTo(S);

        PolicyResult flawed = run(retryWorld(List.of()), policy("hibernate-no-retry-wake", Map.of()),
                burst(1, H, 10 * S, Origin.LOCAL), TickObserver.NONE);
        assertThat(flawed.jobs().retried()).isEqualTo(1);
        assertThat(flawed.jobs().picked()).isEqualTo(1);
        assertThat(flawed.jobs().stranded()).isEqualTo(1);
    }

    @Test
    void aRestartShouldLoseRetryWakesUnlessTheyAreRebuilt() {
        List<FaultPlan.Restart> restart = List.of(new FaultPlan.Restart(H + 10 * MIN, FaultPlan.Restart.ALL, 0));
        PolicyResult rebuilt = run(retryWorld(restart), policy("hibernate", Map.of()), burst(1, H, 10 * S, Origin.LOCAL),
                TickObserver.NONE);
        assertThat(rebuilt.loops().restarts()).isEqualTo(1);
        assertThat(rebuilt.jobs().stranded()).isZero();
        assertThat(rebuilt.jobs().picked()).isEqualTo(2);

        PolicyResult lost = run(retryWorld(restart), policy("hibernate-retry-wake-lost-on-restart", Map.of()),
                burst(1, H, 10 * S, Origin.LOCAL), TickObserver.NONE);
        assertThat(lost.jobs().stranded()).isEqualTo(1);
    }

    @Test
    void aWakeDuringAnInFlightTickShouldBeKeptByHibernateAndLostByTheVariant() {
        // no jitter, 1 s tick latency, aligned: every loop ticks at 0, 3, 8, 17, 34 s and decides
        // one second later; a local job at 17.5 s arrives while every loop is in flight
        World w = World.of(new FleetConfig(1, 4, 1, StartPhases.ALIGNED, S), DAY);
        Map<String, String> noJitter = Map.of("jitterPercent", "0");
        PolicyResult kept = run(w, policy("hibernate", noJitter), burst(1, 17_500 * MS, S, Origin.LOCAL), TickObserver.NONE);
        PolicyResult lost = run(w, policy("hibernate-lost-inflight-wake", noJitter), burst(1, 17_500 * MS, S, Origin.LOCAL),
                TickObserver.NONE);
        // kept: decide at 18 s -> floor -> tick at 19 s, picked up at 20 s
        assertThat(kept.wakeLatency().maxUs()).isEqualTo(2_500 * MS);
        // lost: the empty outcome bumps the reset step to 2 s -> tick at 20 s, picked up at 21 s
        assertThat(lost.wakeLatency().maxUs()).isEqualTo(3_500 * MS);
    }

    @Test
    void aWakeShouldPullABackedOffLoopUnlessOnlySuspendedLoopsAreRearmed() {
        // no jitter, aligned: worker ticks at 0, 2, 6, 14, 30, 60, 90 s; a local job at 61 s
        World w = World.of(new FleetConfig(1, 4, 1, StartPhases.ALIGNED), DAY);
        Map<String, String> noJitter = Map.of("jitterPercent", "0");
        PolicyResult pulled = run(w, policy("hibernate", noJitter), burst(1, 61 * S, S, Origin.LOCAL), TickObserver.NONE);
        PolicyResult kept = run(w, policy("hibernate-wake-suspended-only", noJitter), burst(1, 61 * S, S, Origin.LOCAL),
                TickObserver.NONE);
        assertThat(pulled.wakeLatency().maxUs()).isEqualTo(S);
        assertThat(kept.wakeLatency().maxUs()).isEqualTo(29 * S);
    }

    // ---- (d) seed 003 ----------------------------------------------------------------------

    @Test
    void gastownPokesShouldFallOnHeartbeats() {
        World w = World.of(new FleetConfig(1, 4, 1, StartPhases.SPREAD), DAY);
        List<Long> agentOne = new ArrayList<>();
        run(w, policy("gastown", Map.of()), none(), (loop, now, d, sat, delay) -> {
            if (loop == 0) {
                agentOne.add(now);
            }
        });
        assertThat(agentOne).hasSizeGreaterThan(40);
        for (int i = 1; i < agentOne.size(); i++) {
            assertThat((agentOne.get(i) - agentOne.get(i - 1)) % (5 * MIN)).isZero();
        }
        assertThat(agentOne.get(agentOne.size() - 1) - agentOne.get(agentOne.size() - 2)).isEqualTo(30 * MIN);
    }

    // ---- (e) seed 000: error backoff in the world -------------------------------------------

    @Test
    void threeRateLimitedTicksInARowShouldBackOff30Then60Then60Seconds() {
        FaultPlan faults = new FaultPlan(List.of(new FaultPlan.ErrorWindow(0, 200 * S, TickError.RATE_LIMITED, 1.0)),
                FaultPlan.JobFailures.NONE, List.of(), List.of());
        World w = new World(new FleetConfig(1, 4, 1, StartPhases.ALIGNED), UpstreamConfig.NONE, faults, H);
        List<Long> ticks = new ArrayList<>();
        PolicyResult r = run(w, policy("exp-idle", Map.of()), none(), (loop, now, d, sat, delay) -> ticks.add(now));
        // four 429s (the window ends at 200 s): 30, 60, 60, 60 s; then the first good idle tick
        // bumps the untouched idle backoff from 10 to 15 s
        assertThat(ticks).startsWith(0L, 30 * S, 90 * S, 150 * S, 210 * S, 225 * S);
        assertThat(r.upstream().rateLimited()).isEqualTo(4);
        assertThat(r.requestsByKind().get(RequestKind.ERROR)).isEqualTo(4);
    }

    // ---- the upstream -----------------------------------------------------------------------

    @Test
    void aTokenBucketShouldAnswer429BeyondItsRate() {
        // one request per 20 s, burst 1, against a 10 s poll: every other tick is refused
        World w = new World(new FleetConfig(1, 4, 1, StartPhases.ALIGNED),
                new UpstreamConfig(0, 0, new UpstreamConfig.RateLimit(1, 20 * S, 1)), FaultPlan.NONE, DAY);
        PolicyResult r = run(w, policy("fixed", Map.of()), none(), TickObserver.NONE);
        assertThat(r.upstream().rateLimited()).isEqualTo(4_320);
        assertThat(r.requestsByKind().get(RequestKind.EMPTY_POLL)).isEqualTo(4_320);
    }

    @Test
    void computeShouldStayWarmWhilePolledAndColdStartAfterHibernation() {
        UpstreamConfig warm = new UpstreamConfig(5 * MIN, 2 * S, UpstreamConfig.RateLimit.NONE);
        World w = new World(new FleetConfig(1, 4, 1, StartPhases.ALIGNED), warm, FaultPlan.NONE, DAY);
        PolicyResult fixed = run(w, policy("fixed", Map.of()), none(), TickObserver.NONE);
        assertThat(fixed.warmHoursPerDay()).isEqualTo(24.0);
        assertThat(fixed.upstream().coldStarts()).isEqualTo(1);

        // hibernate: warm from 0 to the last poll at 300 s plus 5 min, then again after the wake
        PolicyResult hib = run(w, policy("hibernate", Map.of("jitterPercent", "0")),
                burst(1, 12 * H, S, Origin.LOCAL), TickObserver.NONE);
        assertThat(hib.upstream().coldStarts()).isEqualTo(2);
        assertThat(hib.warmHoursPerDay()).isLessThan(0.5);
        // the woken loop polls at the floor, then pays the cold start before picking the job up
        assertThat(hib.wakeLatency().maxUs()).isEqualTo(S + 2 * S);
    }

    // ---- the oracle -------------------------------------------------------------------------

    @Test
    void theOracleShouldPickEveryJobAtOnceWithOnePollPerArrivalInstant() {
        // slots enough that no job waits for capacity
        World w = World.of(new FleetConfig(3, 50, 2, StartPhases.SPREAD), DAY);
        PolicyResult r = run(w, policy("oracle", Map.of()), FleetSimulationTest.poisson(30, 5 * MIN, 3), TickObserver.NONE);
        assertThat(r.jobs().picked()).isEqualTo(r.jobs().arrived()).isGreaterThan(600);
        assertThat(r.wakeLatency().maxUs()).isZero();
        assertThat(r.requestsByKind().get(RequestKind.EMPTY_POLL)).isZero();
        assertThat(r.requests()).isEqualTo(2 * r.jobs().arrived());
    }

    @Test
    void theOracleShouldSpreadABurstOverFreeDaemons() {
        World w = World.of(new FleetConfig(3, 4, 1, StartPhases.SPREAD), H);
        PolicyResult r = run(w, policy("oracle", Map.of()), burst(10, MIN, MIN, Origin.REMOTE), TickObserver.NONE);
        assertThat(r.wakeLatency().maxUs()).isZero();
        assertThat(r.requests()).isEqualTo(3);
        // 10 jobs fit 3 x 4 slots: three daemons poll once each and every job starts at once
        assertThat(r.jobs().picked()).isEqualTo(10);
    }
}
