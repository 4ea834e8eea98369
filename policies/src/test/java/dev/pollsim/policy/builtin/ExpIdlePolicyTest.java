package dev.pollsim.policy.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pollsim.policy.LoopState;
import dev.pollsim.policy.PollPolicy;
import dev.pollsim.policy.TickError;
import dev.pollsim.policy.TickOutcome;
import dev.pollsim.policy.WakeKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Seed 000 (loop.ts, commit e72d8b2), rule by rule. */
class ExpIdlePolicyTest {

    private static final long S = 1_000_000L;
    private final TickOutcome outcome = new TickOutcome();

    private TickOutcome idle() {
        return outcome.set(0, 0, false, TickError.NONE, TickOutcome.NO_DEADLINE);
    }

    private TickOutcome dispatched(int n) {
        return outcome.set(n, 0, false, TickError.NONE, TickOutcome.NO_DEADLINE);
    }

    private TickOutcome error(TickError e) {
        return outcome.set(0, 0, false, e, TickOutcome.NO_DEADLINE);
    }

    @Test
    void shouldFollowTheSeedCurveExactly() {
        ExpIdlePolicy p = ExpIdlePolicy.seedDefaults();
        List<Long> curve = new ArrayList<>();
        curve.add(p.idleBackoffUs());
        for (int i = 0; i < 8; i++) {
            curve.add(p.onTick(i * S, idle()));
        }
        // 10 -> 15 -> 22.5 -> 33.75 -> 50.625 -> 75.9375 -> 113.90625 -> 120 s, then 120 s.
        assertThat(curve).containsExactly(
                10_000_000L, 15_000_000L, 22_500_000L, 33_750_000L, 50_625_000L, 75_937_500L,
                113_906_250L, 120_000_000L, 120_000_000L);
    }

    @Test
    void shouldResetBackoffOnDispatch() {
        ExpIdlePolicy p = ExpIdlePolicy.seedDefaults();
        for (int i = 0; i < 5; i++) {
            p.onTick(0, idle());
        }
        assertThat(p.onTick(0, dispatched(1))).isEqualTo(10 * S);
        assertThat(p.onTick(0, idle())).isEqualTo(15 * S);
    }

    @Test
    void shouldResetBackoffWhenThePoolChanged() {
        ExpIdlePolicy p = ExpIdlePolicy.seedDefaults();
        p.onTick(0, idle());
        p.onTick(0, idle());
        assertThat(p.onTick(0, outcome.set(0, 1, false, TickError.NONE, TickOutcome.NO_DEADLINE)))
                .isEqualTo(10 * S);
    }

    @Test
    void shouldLeaveBackoffUntouchedWhileSaturated() {
        ExpIdlePolicy p = ExpIdlePolicy.seedDefaults();
        p.onTick(0, idle());
        p.onTick(0, idle());
        long before = p.idleBackoffUs();
        assertThat(p.onTick(0, outcome.set(0, 0, true, TickError.NONE, TickOutcome.NO_DEADLINE)))
                .isEqualTo(before);
        assertThat(p.onTick(0, outcome.set(0, 0, true, TickError.NONE, TickOutcome.NO_DEADLINE)))
                .isEqualTo(before);
        assertThat(p.idleBackoffUs()).isEqualTo(22_500_000L);
    }

    @Test
    void shouldResetAndRescheduleAtTheBaseIntervalWhenASlotFrees() {
        ExpIdlePolicy p = ExpIdlePolicy.seedDefaults();
        for (int i = 0; i < 6; i++) {
            p.onTick(0, idle());
        }
        assertThat(p.onSlotFreed(0, LoopState.WAITING)).isEqualTo(10 * S);
        assertThat(p.idleBackoffUs()).isEqualTo(10 * S);
    }

    @Test
    void shouldLetAnInFlightTickDecideAfterASlotFrees() {
        ExpIdlePolicy p = ExpIdlePolicy.seedDefaults();
        p.onTick(0, idle());
        assertThat(p.onSlotFreed(0, LoopState.IN_FLIGHT)).isEqualTo(PollPolicy.KEEP);
        assertThat(p.idleBackoffUs()).isEqualTo(10 * S);
    }

    @Test
    void shouldClampToANearDeadlineButNotBelowOneSecond() {
        ExpIdlePolicy p = ExpIdlePolicy.seedDefaults();
        for (int i = 0; i < 7; i++) {
            p.onTick(0, idle());
        }
        long now = 1_000 * S;
        // idle backoff is 120 s; a resume 40 s away wins
        assertThat(p.onTick(now, outcome.set(0, 0, false, TickError.NONE, now + 40 * S))).isEqualTo(40 * S);
        // a resume 200 ms away is floored at 1 s
        assertThat(p.onTick(now, outcome.set(0, 0, false, TickError.NONE, now + 200_000))).isEqualTo(S);
        // a resume farther than the backoff does not matter
        assertThat(p.onTick(now, outcome.set(0, 0, false, TickError.NONE, now + 500 * S))).isEqualTo(120 * S);
    }

    @Test
    void shouldBackOffThirtySixtySixtyAfterThree429sInARow() {
        ExpIdlePolicy p = ExpIdlePolicy.seedDefaults();
        assertThat(p.onTick(0, error(TickError.RATE_LIMITED))).isEqualTo(30 * S);
        assertThat(p.onTick(0, error(TickError.RATE_LIMITED))).isEqualTo(60 * S);
        assertThat(p.onTick(0, error(TickError.RATE_LIMITED))).isEqualTo(60 * S);
    }

    @Test
    void shouldDoubleUpToSixtySecondsAfterOtherErrors() {
        ExpIdlePolicy p = ExpIdlePolicy.seedDefaults();
        assertThat(p.onTick(0, error(TickError.SERVER_ERROR))).isEqualTo(20 * S);
        assertThat(p.onTick(0, error(TickError.SERVER_ERROR))).isEqualTo(40 * S);
        assertThat(p.onTick(0, error(TickError.SERVER_ERROR))).isEqualTo(60 * S);
        assertThat(p.onTick(0, error(TickError.SERVER_ERROR))).isEqualTo(60 * S);
    }

    @Test
    void shouldResetErrorBackoffAfterAGoodTickButNotAfterASaturatedOne() {
        ExpIdlePolicy p = ExpIdlePolicy.seedDefaults();
        p.onTick(0, error(TickError.SERVER_ERROR));
        p.onTick(0, error(TickError.SERVER_ERROR));
        p.onTick(0, outcome.set(0, 0, true, TickError.NONE, TickOutcome.NO_DEADLINE));
        assertThat(p.errorBackoffUs()).isEqualTo(40 * S);
        p.onTick(0, idle());
        assertThat(p.errorBackoffUs()).isEqualTo(10 * S);
        assertThat(p.onTick(0, error(TickError.SERVER_ERROR))).isEqualTo(20 * S);
    }

    @Test
    void shouldLeaveIdleBackoffUntouchedByErrors() {
        ExpIdlePolicy p = ExpIdlePolicy.seedDefaults();
        p.onTick(0, idle());
        p.onTick(0, idle());
        p.onTick(0, error(TickError.RATE_LIMITED));
        assertThat(p.idleBackoffUs()).isEqualTo(22_500_000L);
    }

    @Test
    void shouldPollAtOnceOnADeadlineWakeAndIgnoreLocalEnqueues() {
        ExpIdlePolicy p = ExpIdlePolicy.seedDefaults();
        p.onTick(0, idle());
        p.onTick(0, idle());
        assertThat(p.onWake(0, WakeKind.LOCAL_ENQUEUE, LoopState.WAITING)).isEqualTo(PollPolicy.KEEP);
        assertThat(p.idleBackoffUs()).isEqualTo(22_500_000L);
        assertThat(p.onWake(0, WakeKind.DEADLINE, LoopState.WAITING)).isZero();
        assertThat(p.idleBackoffUs()).isEqualTo(10 * S);
    }
}
