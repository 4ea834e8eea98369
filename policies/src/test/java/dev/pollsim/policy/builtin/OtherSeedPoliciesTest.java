package dev.pollsim.policy.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pollsim.policy.LoopState;
import dev.pollsim.policy.PollPolicy;
import dev.pollsim.policy.TickError;
import dev.pollsim.policy.TickOutcome;
import dev.pollsim.policy.WakeKind;
import dev.pollsim.policy.param.PolicyParams;
import dev.pollsim.policy.param.Ratio;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Seeds 001 (reaper), 002, 003, 004 and the oracle, rule by rule. */
class OtherSeedPoliciesTest {

    private static final long MS = 1_000L;
    private static final long S = 1_000_000L;
    private static final long MIN = 60 * S;
    private final TickOutcome outcome = new TickOutcome();

    private TickOutcome idle() {
        return outcome.set(0, 0, false, TickError.NONE, TickOutcome.NO_DEADLINE);
    }

    private static List<Long> delays(PollPolicy p, TickOutcome o, int n) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(p.onTick(0, o));
        }
        return out;
    }

    @Test
    void reaperShouldSuspendAfterTwoIdleSweepsAndWakeWithTheBus() {
        ReaperPolicy r = new ReaperPolicy(30 * S, 2);
        assertThat(r.batchLimit()).isZero();
        assertThat(r.onTick(0, idle().seen(3, 0))).isEqualTo(30 * S);
        assertThat(r.onTick(0, idle().seen(0, 0))).isEqualTo(30 * S);
        assertThat(r.onTick(0, idle().seen(0, 0))).isEqualTo(PollPolicy.SUSPEND);
        assertThat(r.onWake(0, WakeKind.LOCAL_ENQUEUE, LoopState.SUSPENDED)).isEqualTo(30 * S);
        assertThat(r.onTick(0, idle().seen(0, 0))).isEqualTo(30 * S);
    }

    @Test
    void idleStreakShouldDoubleUpTo2PowMaxMinusOneTimesTheBase() {
        IdleStreakPolicy p = new IdleStreakPolicy(5 * S, 8, 25 * MS, Long.MAX_VALUE, false);
        // max_backoff_multiplier 8 caps the exponent at 7: 5 s x 128 = 640 s
        assertThat(delays(p, idle(), 9)).containsExactly(10 * S, 20 * S, 40 * S, 80 * S, 160 * S, 320 * S, 640 * S,
                640 * S, 640 * S);
        assertThat(p.onTick(0, outcome.set(2, 0, false, TickError.NONE, TickOutcome.NO_DEADLINE))).isEqualTo(5 * S);
        assertThat(p.reportedDueUs(100, 5 * S)).isEqualTo(100 + 5 * S);
    }

    @Test
    void theClampBugShouldNegateTheBackoffOnceItPassesOneSecond() {
        IdleStreakPolicy bug = new IdleStreakPolicy(5 * S, 8, 25 * MS, S, true);
        assertThat(delays(bug, idle(), 10)).containsOnly(5 * S);
        assertThat(bug.reportedDueUs(100, 5 * S)).isEqualTo(100 + 5 * S);
        // a 200 ms base (the review's example) backs off only until the one-second clamp
        IdleStreakPolicy fast = new IdleStreakPolicy(200 * MS, 8, 25 * MS, S, true);
        assertThat(delays(fast, idle(), 5)).containsExactly(400 * MS, 800 * MS, S, S, S);
    }

    @Test
    void gastownGeometricIntervalsShouldLandOnHeartbeats() {
        GastownPolicy p = new GastownPolicy(GastownPolicy.Strategy.GEOMETRIC, 5 * MIN, 30 * MIN, Ratio.parse("1.5"), 5 * MIN);
        // intervals 7.5, 11.25, 16.875, 25.3125, 30 min round up to beats of 5 min
        assertThat(delays(p, idle(), 6)).containsExactly(10 * MIN, 15 * MIN, 20 * MIN, 30 * MIN, 30 * MIN, 30 * MIN);
        assertThat(p.currentIntervalUs()).isEqualTo(30 * MIN);
        assertThat(p.onTick(0, outcome.set(1, 0, false, TickError.NONE, TickOutcome.NO_DEADLINE))).isEqualTo(5 * MIN);
    }

    @Test
    void gastownExponentialAndFixedStrategies() {
        GastownPolicy exp = new GastownPolicy(GastownPolicy.Strategy.EXPONENTIAL, 5 * MIN, 30 * MIN, Ratio.parse("1.5"), 5 * MIN);
        assertThat(delays(exp, idle(), 4)).containsExactly(10 * MIN, 20 * MIN, 30 * MIN, 30 * MIN);
        GastownPolicy fixed = new GastownPolicy(GastownPolicy.Strategy.FIXED, 5 * MIN, 30 * MIN, Ratio.parse("1.5"), 5 * MIN);
        assertThat(delays(fixed, idle(), 3)).containsOnly(5 * MIN);
        // the pre-change daemon: 60 s heartbeat, 10 min max
        GastownPolicy old = new GastownPolicy(GastownPolicy.Strategy.GEOMETRIC, MIN, 10 * MIN, Ratio.parse("1.5"), MIN);
        assertThat(delays(old, idle(), 3)).containsExactly(2 * MIN, 3 * MIN, 4 * MIN);
    }

    @Test
    void batchedShouldSpawnUpToItsLimitWithJitterAndSleepAfterwards() {
        BatchedPolicy p = new BatchedPolicy(5 * S, 4, 50 * MS, 150 * MS, new SplittableRandom(3));
        assertThat(p.batchLimit()).isEqualTo(4);
        for (int i = 0; i < 1_000; i++) {
            assertThat(p.spawnGapUs()).isBetween(50 * MS, 150 * MS);
        }
        assertThat(p.onTick(0, idle().seen(0, 300 * MS))).isEqualTo(5 * S + 300 * MS);
        var def = BuiltinPolicies.catalogue().find("batched").orElseThrow();
        PolicyParams reloaded = def.resolve(Map.of("spawnsPerTick", "1"));
        p.reconfigure(reloaded);
        assertThat(p.batchLimit()).isEqualTo(1);
    }

    @Test
    void theOracleShouldSleepUntilWorkIsVisible() {
        OraclePolicy o = new OraclePolicy();
        assertThat(o.startsSuspended()).isTrue();
        assertThat(o.onWake(0, WakeKind.LOCAL_ENQUEUE, LoopState.SUSPENDED)).isEqualTo(PollPolicy.KEEP);
        assertThat(o.onWake(0, WakeKind.WORK_VISIBLE, LoopState.SUSPENDED)).isZero();
        assertThat(o.onWake(0, WakeKind.WORK_VISIBLE, LoopState.WAITING)).isEqualTo(PollPolicy.KEEP);
        assertThat(o.onTick(0, idle())).isEqualTo(PollPolicy.SUSPEND);
    }

    @Test
    void everyCatalogueEntryShouldNameItsSeed() {
        assertThat(BuiltinPolicies.catalogue().names()).containsExactly("fixed", "exp-idle", "hibernate",
                "hibernate-wake-suspended-only", "hibernate-no-retry-wake", "hibernate-lost-inflight-wake",
                "hibernate-retry-wake-lost-on-restart", "idle-streak", "idle-streak-clamp-bug", "gastown", "batched",
                "oracle", "composed");
        assertThat(BuiltinPolicies.catalogue().withDefaults()).extracting(d -> d.name())
                .doesNotContain("composed").hasSize(BuiltinPolicies.catalogue().names().size() - 1);
        BuiltinPolicies.catalogue().all().forEach(d -> assertThat(d.seed()).isNotBlank());
        var hib = BuiltinPolicies.catalogue().find("hibernate").orElseThrow();
        var factory = hib.factory(hib.resolve(Map.of()));
        assertThat(factory.loops()).extracting(l -> l.name())
                .containsExactly("worker-1", "worker-2", "worker-3", "worker-4", "reaper");
        assertThat(factory.create(factory.loops().get(4), new SplittableRandom(1))).isInstanceOf(ReaperPolicy.class);
    }
}
