package dev.pollsim.policy.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.pollsim.policy.LoopSpec;
import dev.pollsim.policy.LoopState;
import dev.pollsim.policy.PolicyDefinition;
import dev.pollsim.policy.PollPolicy;
import dev.pollsim.policy.TickError;
import dev.pollsim.policy.TickOutcome;
import dev.pollsim.policy.WakeKind;
import dev.pollsim.policy.builtin.BuiltinPolicies;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The parts of a composed policy, rule by rule, with hand-worked delays. */
class ComposedPolicyTest {

    private static final long MS = 1_000L;
    private static final long S = 1_000_000L;
    private static final long MIN = 60 * S;
    private final TickOutcome outcome = new TickOutcome();

    /** A composed policy from parameters written as in a scenario, flattened: "curve.kind", "geometric", ... */
    static PollPolicy policy(String... keyValues) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            given.put(keyValues[i], keyValues[i + 1]);
        }
        PolicyDefinition d = BuiltinPolicies.catalogue().find("composed").orElseThrow();
        return d.factory(d.resolve(given)).create(LoopSpec.WORKER, new SplittableRandom(7));
    }

    private TickOutcome idle() {
        return outcome.set(0, 0, false, TickError.NONE, TickOutcome.NO_DEADLINE);
    }

    private TickOutcome work() {
        return outcome.set(1, 0, false, TickError.NONE, TickOutcome.NO_DEADLINE);
    }

    private TickOutcome freed() {
        return outcome.set(0, 1, false, TickError.NONE, TickOutcome.NO_DEADLINE);
    }

    private TickOutcome saturated() {
        return outcome.set(0, 0, true, TickError.NONE, TickOutcome.NO_DEADLINE);
    }

    private TickOutcome error(TickError e) {
        return outcome.set(0, 0, false, e, TickOutcome.NO_DEADLINE);
    }

    private List<Long> idleTicks(PollPolicy p, int n) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(p.onTick(i * S, idle()));
        }
        return out;
    }

    @Test
    void eachCurveShouldGrowAsWorkedOutByHand() {
        assertThat(idleTicks(policy("curve.kind", "fixed", "curve.floor", "10s"), 3)).containsExactly(10 * S, 10 * S, 10 * S);
        assertThat(idleTicks(policy("curve.kind", "linear", "curve.floor", "10s", "curve.cap", "35s"), 4))
                .containsExactly(20 * S, 30 * S, 35 * S, 35 * S);
        assertThat(idleTicks(policy("curve.kind", "linear", "curve.floor", "10s", "curve.step", "5s", "curve.cap", "1m"), 2))
                .containsExactly(15 * S, 20 * S);
        // seed 000's curve, exactly: 15, 22.5, 33.75, 50.625, 75.9375, 113.90625, 120 s
        assertThat(idleTicks(policy("curve.kind", "geometric", "curve.factor", "1.5", "curve.floor", "10s",
                "curve.cap", "2m"), 8)).containsExactly(15 * S, 22_500 * MS, 33_750 * MS, 50_625 * MS, 75_937_500L,
                113_906_250L, 120 * S, 120 * S);
        assertThat(idleTicks(policy("curve.kind", "exponential", "curve.floor", "1s", "curve.cap", "5s"), 4))
                .containsExactly(2 * S, 4 * S, 5 * S, 5 * S);
        // seed 002: base x 2^min(streak, max - 1) with max 8, i.e. maxStreak 7
        assertThat(idleTicks(policy("curve.kind", "idle-streak", "curve.floor", "5s", "curve.maxStreak", "7"), 9))
                .containsExactly(10 * S, 20 * S, 40 * S, 80 * S, 160 * S, 320 * S, 640 * S, 640 * S, 640 * S);
        assertThat(idleTicks(policy("curve.kind", "idle-streak", "curve.floor", "5s", "curve.maxStreak", "7",
                "curve.cap", "1m"), 5)).containsExactly(10 * S, 20 * S, 40 * S, 60 * S, 60 * S);
    }

    @Test
    void workFreedSlotsAndWakesShouldResetWhenTheyAreTriggers() {
        PollPolicy p = policy("curve.kind", "exponential", "curve.floor", "1s", "curve.cap", "1m",
                "wakeOn", "localEnqueue");
        idleTicks(p, 3);
        assertThat(p.onTick(0, work())).isEqualTo(S);
        assertThat(p.rule()).isEqualTo("reset: work");
        idleTicks(p, 3);
        assertThat(p.onTick(0, freed())).isEqualTo(S);
        assertThat(p.rule()).isEqualTo("reset: freed slot");
        idleTicks(p, 3);
        // a wake resets at once, even in flight; the tick then polls again at once for it
        p.onWake(0, WakeKind.LOCAL_ENQUEUE, LoopState.IN_FLIGHT);
        assertThat(p.onTick(0, idle())).isZero();
        assertThat(p.onTick(0, idle())).as("1 s reset, grown to 2 s, then 4 s").isEqualTo(4 * S);

        PollPolicy workOnly = policy("curve.kind", "exponential", "curve.floor", "1s", "curve.cap", "1m", "reset", "work");
        idleTicks(workOnly, 2);
        assertThat(workOnly.onTick(0, freed())).as("a freed slot that is no trigger is an idle tick").isEqualTo(8 * S);
        PollPolicy freedOnly = policy("curve.kind", "exponential", "curve.floor", "1s", "curve.cap", "1m", "reset",
                "freedSlot");
        idleTicks(freedOnly, 2);
        assertThat(freedOnly.onTick(0, work())).as("work that is no trigger holds the curve").isEqualTo(4 * S);
        assertThat(freedOnly.rule()).isEqualTo("work: hold (work is not a reset)");
    }

    @Test
    void saturationShouldHoldResetOrGrowTheCurve() {
        for (String mode : List.of("hold", "reset", "grow")) {
            PollPolicy p = policy("curve.kind", "exponential", "curve.floor", "1s", "curve.cap", "1m", "saturation", mode);
            idleTicks(p, 2);
            long expected = mode.equals("hold") ? 4 * S : mode.equals("reset") ? S : 8 * S;
            assertThat(p.onTick(0, saturated())).as(mode).isEqualTo(expected);
            assertThat(p.rule()).isEqualTo("saturated: " + mode);
        }
    }

    @Test
    void errorsShouldRunSeed000sBackoffsByDefaultAndResetAfterAGoodTick() {
        PollPolicy p = policy("curve.kind", "geometric", "curve.factor", "1.5", "curve.floor", "10s", "curve.cap", "2m");
        // 429: min(max(2e, 30 s), 60 s) from e = 10 s: 30, 60, 60
        assertThat(p.onTick(0, error(TickError.RATE_LIMITED))).isEqualTo(30 * S);
        assertThat(p.rule()).isEqualTo("429 backoff x2 (min 30s, cap 1m)");
        assertThat(p.onTick(0, error(TickError.RATE_LIMITED))).isEqualTo(60 * S);
        assertThat(p.onTick(0, error(TickError.RATE_LIMITED))).isEqualTo(60 * S);
        // a saturated tick made no request: the error backoff stays
        assertThat(p.onTick(0, saturated())).isEqualTo(10 * S);
        assertThat(p.onTick(0, error(TickError.SERVER_ERROR))).isEqualTo(60 * S);
        // a good tick resets it; errors left the idle curve where it was (10 s), so it grows now
        assertThat(p.onTick(0, idle())).isEqualTo(15 * S);
        assertThat(p.onTick(0, error(TickError.SERVER_ERROR))).isEqualTo(20 * S);
        assertThat(p.rule()).isEqualTo("error backoff x2 (cap 1m)");
        assertThat(p.onTick(0, error(TickError.SERVER_ERROR))).isEqualTo(40 * S);

        PollPolicy asIdle = policy("curve.kind", "exponential", "curve.floor", "1s", "curve.cap", "1m", "errors.mode", "idle");
        assertThat(asIdle.onTick(0, error(TickError.RATE_LIMITED))).isEqualTo(2 * S);
        assertThat(asIdle.onTick(0, error(TickError.SERVER_ERROR))).isEqualTo(4 * S);
        PollPolicy own = policy("curve.kind", "fixed", "curve.floor", "1s", "errors.rateLimited.min", "5s",
                "errors.rateLimited.factor", "3", "errors.rateLimited.cap", "50s");
        assertThat(List.of(own.onTick(0, error(TickError.RATE_LIMITED)), own.onTick(0, error(TickError.RATE_LIMITED)),
                own.onTick(0, error(TickError.RATE_LIMITED)), own.onTick(0, error(TickError.RATE_LIMITED))))
                .containsExactly(5 * S, 15 * S, 45 * S, 50 * S);
    }

    @Test
    void aLoopShouldSuspendAfterItsIdleWindowAndResumeOnItsWakeSources() {
        PollPolicy p = policy("curve.kind", "exponential", "curve.floor", "10s", "curve.cap", "1m", "suspendAfter", "1m",
                "wakeOn", "localEnqueue,retryDeadline");
        assertThat(p.onTick(0, idle())).isEqualTo(20 * S);
        assertThat(p.onTick(20 * S, idle())).isEqualTo(40 * S);
        assertThat(p.onTick(60 * S, idle())).isEqualTo(PollPolicy.SUSPEND);
        assertThat(p.rule()).isEqualTo("suspend: idle 1m");
        assertThat(p.onSlotFreed(70 * S, LoopState.SUSPENDED)).isEqualTo(PollPolicy.KEEP);
        assertThat(p.rule()).isEqualTo("freed slot: not a wake source");
        assertThat(p.onWake(80 * S, WakeKind.LOCAL_ENQUEUE, LoopState.SUSPENDED)).isZero();
        assertThat(p.rule()).isEqualTo("local enqueue: reset, resume, poll now");
        // the idle window restarts at the wake: 1 min of idle ticks before the next suspend
        assertThat(p.onTick(80 * S, idle())).isEqualTo(20 * S);
        assertThat(p.onTick(100 * S, idle())).isEqualTo(40 * S);
        assertThat(p.onTick(140 * S, idle())).isEqualTo(PollPolicy.SUSPEND);
        assertThat(p.onWake(150 * S, WakeKind.DEADLINE, LoopState.SUSPENDED)).isZero();
        assertThat(p.onWake(150 * S, WakeKind.WORK_VISIBLE, LoopState.WAITING)).isEqualTo(PollPolicy.KEEP);
        // work restarts the window too
        assertThat(p.onTick(150 * S, work())).isEqualTo(10 * S);
        assertThat(p.onTick(200 * S, idle())).isEqualTo(20 * S);
        assertThat(p.onTick(210 * S, idle())).isEqualTo(PollPolicy.SUSPEND);
    }

    @Test
    void aWakeShouldBringAPollForwardButNeverPostponeItUnlessItReplaces() {
        PollPolicy p = policy("curve.kind", "exponential", "curve.floor", "10s", "curve.cap", "2m",
                "wakeOn", "freedSlot,localEnqueue", "reset", "work");
        idleTicks(p, 2);
        // due in 80 s: a freed slot re-arms at the floor, 10 s
        assertThat(p.onTick(0, idle())).isEqualTo(80 * S);
        assertThat(p.onSlotFreed(5 * S, LoopState.WAITING)).isEqualTo(10 * S);
        assertThat(p.rule()).isEqualTo("freed slot: poll at floor 10s");
        // due at 15 s now: a second freed slot 10 s later would postpone it to 20 s, so it is kept
        assertThat(p.onSlotFreed(10 * S, LoopState.WAITING)).isEqualTo(PollPolicy.KEEP);
        assertThat(p.rule()).isEqualTo("freed slot: sooner poll kept");
        assertThat(p.onWake(10 * S, WakeKind.LOCAL_ENQUEUE, LoopState.WAITING)).isZero();
        // a wake during an in-flight tick is kept: the tick's decision is brought forward to it
        assertThat(p.onWake(10 * S, WakeKind.LOCAL_ENQUEUE, LoopState.IN_FLIGHT)).isEqualTo(PollPolicy.KEEP);
        assertThat(p.rule()).isEqualTo("local enqueue: kept for after the tick in flight");
        assertThat(p.onTick(20 * S, idle())).isZero();
        assertThat(p.rule()).isEqualTo("local enqueue during the tick: poll now");
        // wake was no reset trigger: the curve kept growing
        assertThat(p.onTick(20 * S, idle())).isEqualTo(120 * S);

        PollPolicy replace = policy("curve.kind", "exponential", "curve.floor", "10s", "curve.cap", "1m",
                "wakeOn", "freedSlot,retryDeadline", "wakeRearm", "replace", "reset", "work,freedSlot");
        assertThat(replace.onWake(0, WakeKind.DEADLINE, LoopState.WAITING)).isZero();
        assertThat(replace.onSlotFreed(0, LoopState.WAITING)).as("seed 000 postpones to the base").isEqualTo(10 * S);
        // and the decision of a tick in flight wins over a wake that came during it
        assertThat(replace.onSlotFreed(0, LoopState.IN_FLIGHT)).isEqualTo(PollPolicy.KEEP);
        assertThat(replace.rule()).isEqualTo("freed slot: the tick in flight decides");
        assertThat(replace.onTick(0, idle())).isEqualTo(20 * S);

        PollPolicy suspending = policy("curve.kind", "fixed", "curve.floor", "10s", "wakeOn", "localEnqueue",
                "suspendAfter", "1m", "reset", "work");
        suspending.onTick(0, idle());
        suspending.onWake(70 * S, WakeKind.LOCAL_ENQUEUE, LoopState.IN_FLIGHT);
        assertThat(suspending.onTick(70 * S, idle())).as("a wake in flight is never lost to a suspend").isZero();
        assertThat(suspending.onTick(70 * S, outcome.set(0, 0, false, TickError.RATE_LIMITED,
                TickOutcome.NO_DEADLINE))).as("a 429 still pauses").isEqualTo(30 * S);
    }

    @Test
    void theDeadlineClampShouldPullTheNextPollToAKnownDeadline() {
        PollPolicy p = policy("curve.kind", "geometric", "curve.factor", "1.5", "curve.floor", "10s", "curve.cap", "2m",
                "deadlineClamp.floor", "1s");
        idleTicks(p, 4);
        assertThat(p.onTick(100 * S, outcome.set(0, 0, false, TickError.NONE, 130 * S))).isEqualTo(30 * S);
        assertThat(p.rule()).isEqualTo("deadline clamp (floor 1s)");
        assertThat(p.onTick(100 * S, outcome.set(0, 0, false, TickError.NONE, 100 * S + 300 * MS))).isEqualTo(S);
        assertThat(p.onTick(100 * S, outcome.set(0, 0, false, TickError.NONE, 100 * S))).isEqualTo(120 * S);
        PollPolicy off = policy("curve.kind", "fixed", "curve.floor", "10s");
        assertThat(off.onTick(0, outcome.set(0, 0, false, TickError.NONE, 2 * S))).isEqualTo(10 * S);
    }

    @Test
    void aBatchShouldLimitATickAndSpaceItsSpawnsThenSleepAfterThem() {
        PollPolicy p = policy("curve.kind", "fixed", "curve.floor", "5s", "batch.size", "4",
                "batch.spawnJitter.min", "50ms", "batch.spawnJitter.max", "150ms");
        assertThat(p.batchLimit()).isEqualTo(4);
        for (int i = 0; i < 1_000; i++) {
            assertThat(p.spawnGapUs()).isBetween(50 * MS, 150 * MS);
        }
        assertThat(p.onTick(0, work().seen(0, 300 * MS))).isEqualTo(5 * S + 300 * MS);
        PolicyDefinition d = BuiltinPolicies.catalogue().find("composed").orElseThrow();
        p.reconfigure(d.resolve(Map.of("curve.kind", "fixed", "curve.floor", "5s", "batch.size", "1")));
        assertThat(p.batchLimit()).isEqualTo(1);
        PollPolicy unlimited = policy("curve.kind", "fixed", "curve.floor", "5s");
        assertThat(unlimited.batchLimit()).isEqualTo(Integer.MAX_VALUE);
        assertThat(unlimited.spawnGapUs()).isZero();
    }

    @Test
    void fullEqualAndPercentJitterShouldStayInTheirBoundsWithTheirMeans() {
        int n = 200_000;
        long d = 60 * S;
        PollPolicy full = policy("curve.kind", "fixed", "curve.floor", "1m", "jitter.kind", "full");
        PollPolicy equal = policy("curve.kind", "fixed", "curve.floor", "1m", "jitter.kind", "equal");
        PollPolicy percent = policy("curve.kind", "fixed", "curve.floor", "1m", "jitter.kind", "percent", "jitter.percent",
                "20");
        double sumFull = 0;
        double sumEqual = 0;
        double sumPercent = 0;
        for (int i = 0; i < n; i++) {
            long f = full.onTick(0, idle());
            long e = equal.onTick(0, idle());
            long q = percent.onTick(0, idle());
            assertThat(f).isBetween(0L, d);
            assertThat(e).isBetween(d / 2, d);
            assertThat(q).isBetween(d - d / 5, d + d / 5);
            sumFull += f;
            sumEqual += e;
            sumPercent += q;
        }
        // uniform means; the standard error is below 0.1% of d at this n
        assertThat(sumFull / n / d).isCloseTo(0.5, offset(0.005));
        assertThat(sumEqual / n / d).isCloseTo(0.75, offset(0.005));
        assertThat(sumPercent / n / d).isCloseTo(1.0, offset(0.005));
        assertThat(full.rule()).isEqualTo("fixed 1m, full jitter");
        assertThat(percent.rule()).isEqualTo("fixed 1m, jitter +/-20%");
    }

    @Test
    void decorrelatedJitterShouldDrawBetweenTheFloorAndThreeTimesThePreviousDelayUpToTheCap() {
        PollPolicy p = policy("curve.kind", "exponential", "curve.floor", "1s", "curve.cap", "1m", "jitter.kind",
                "decorrelated");
        long previous = S;
        double sumRatio = 0;
        int uncapped = 0;
        for (int i = 0; i < 100_000; i++) {
            long next = p.onTick(0, idle());
            assertThat(next).isBetween(S, Math.min(60 * S, 3 * previous));
            if (3 * previous <= 60 * S) {
                // uniform on [floor, 3 x previous]: its mean is the midpoint
                sumRatio += (double) (next - S) / (3 * previous - S);
                uncapped++;
            }
            previous = next;
        }
        assertThat(sumRatio / uncapped).isCloseTo(0.5, offset(0.01));
        assertThat(p.onTick(0, work())).as("a reset returns the previous delay to the floor").isBetween(S, 3 * S);
        assertThat(p.rule()).isEqualTo("reset: work, decorrelated jitter");
    }

    @Test
    void withoutJitterNoDrawShouldBeTakenFromTheLoopsStream() {
        SplittableRandom a = new SplittableRandom(3);
        SplittableRandom b = new SplittableRandom(3);
        PolicyDefinition d = BuiltinPolicies.catalogue().find("composed").orElseThrow();
        PollPolicy p = d.factory(d.resolve(Map.of("curve.kind", "geometric", "curve.factor", "1.5", "curve.floor", "10s",
                "curve.cap", "2m", "wakeOn", "localEnqueue", "suspendAfter", "5m"))).create(LoopSpec.WORKER, a);
        for (int i = 0; i < 100; i++) {
            p.onTick(i * 10 * S, i % 7 == 0 ? work() : idle());
            p.onWake(i * 10 * S, WakeKind.LOCAL_ENQUEUE, LoopState.WAITING);
            p.onTick(i * 10 * S, error(TickError.RATE_LIMITED));
        }
        assertThat(a.nextLong()).isEqualTo(b.nextLong());
    }
}
