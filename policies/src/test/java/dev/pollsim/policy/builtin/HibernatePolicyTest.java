package dev.pollsim.policy.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pollsim.policy.LoopState;
import dev.pollsim.policy.PollPolicy;
import dev.pollsim.policy.TickError;
import dev.pollsim.policy.TickOutcome;
import dev.pollsim.policy.WakeKind;
import dev.pollsim.policy.param.Ratio;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Seed 001's worker loop (poll-backoff.ts, poll-loop.ts) and its review findings. */
class HibernatePolicyTest {

    private static final long S = 1_000_000L;
    private static final HibernatePolicy.Backoff NO_JITTER =
            new HibernatePolicy.Backoff(S, 30 * S, Ratio.parse("2"), 0, 300 * S);
    private final TickOutcome outcome = new TickOutcome();

    private TickOutcome empty() {
        return outcome.set(0, 0, false, TickError.NONE, TickOutcome.NO_DEADLINE);
    }

    private TickOutcome lease() {
        return outcome.set(1, 0, false, TickError.NONE, TickOutcome.NO_DEADLINE);
    }

    private static HibernatePolicy policy(HibernatePolicy.Flaws flaws) {
        return new HibernatePolicy(NO_JITTER, flaws, new SplittableRandom(1));
    }

    @Test
    void shouldBackOffFromTheFloorToTheCeilingThenSuspendAfterTheIdleWindow() {
        HibernatePolicy p = policy(HibernatePolicy.Flaws.NONE);
        List<Long> delays = new ArrayList<>();
        long d;
        while ((d = p.onTick(0, empty())) != PollPolicy.SUSPEND) {
            delays.add(d);
        }
        // summed un-jittered steps 1+2+4+8+16+30x9 = 301 s >= 300 s at the 14th empty lease
        assertThat(delays).containsExactly(2 * S, 4 * S, 8 * S, 16 * S, 30 * S, 30 * S, 30 * S, 30 * S, 30 * S,
                30 * S, 30 * S, 30 * S, 30 * S);
        assertThat(delays.stream().mapToLong(Long::longValue).sum()).isEqualTo(300 * S);
    }

    @Test
    void shouldResetOnALeaseAndNeverSuspendWithTheWindowOff() {
        HibernatePolicy p = policy(HibernatePolicy.Flaws.NONE);
        p.onTick(0, empty());
        p.onTick(0, empty());
        assertThat(p.onTick(0, lease())).isEqualTo(S);
        assertThat(p.idleUs()).isZero();
        HibernatePolicy never = new HibernatePolicy(new HibernatePolicy.Backoff(S, 30 * S, Ratio.parse("2"), 0, 0),
                HibernatePolicy.Flaws.NONE, new SplittableRandom(1));
        for (int i = 0; i < 10_000; i++) {
            assertThat(never.onTick(0, empty())).isPositive();
        }
    }

    @Test
    void aWakeShouldRearmASuspendedLoopAtTheFloorAndPullABackedOffOne() {
        HibernatePolicy p = policy(HibernatePolicy.Flaws.NONE);
        for (int i = 0; i < 6; i++) {
            p.onTick(0, empty());
        }
        assertThat(p.onWake(0, WakeKind.LOCAL_ENQUEUE, LoopState.WAITING)).isEqualTo(S);
        assertThat(p.onWake(0, WakeKind.DEADLINE, LoopState.SUSPENDED)).isEqualTo(S);
        assertThat(p.idleUs()).isZero();
    }

    @Test
    void wakeSuspendedOnlyShouldLeaveABackedOffTimerAlone() {
        HibernatePolicy p = policy(new HibernatePolicy.Flaws(true, false));
        for (int i = 0; i < 6; i++) {
            p.onTick(0, empty());
        }
        assertThat(p.onWake(0, WakeKind.LOCAL_ENQUEUE, LoopState.WAITING)).isEqualTo(PollPolicy.KEEP);
        assertThat(p.stepUs()).isEqualTo(S);
        assertThat(p.onWake(0, WakeKind.LOCAL_ENQUEUE, LoopState.SUSPENDED)).isEqualTo(S);
    }

    @Test
    void aWakeDuringAnInFlightTickShouldBeKeptUnlessThatFindingIsReintroduced() {
        HibernatePolicy kept = policy(HibernatePolicy.Flaws.NONE);
        HibernatePolicy lost = policy(new HibernatePolicy.Flaws(false, true));
        for (HibernatePolicy p : List.of(kept, lost)) {
            for (int i = 0; i < 4; i++) {
                p.onTick(0, empty());
            }
            assertThat(p.onWake(0, WakeKind.LOCAL_ENQUEUE, LoopState.IN_FLIGHT)).isEqualTo(PollPolicy.KEEP);
        }
        assertThat(kept.onTick(0, empty())).isEqualTo(S);
        assertThat(lost.onTick(0, empty())).isEqualTo(2 * S);
    }

    @Test
    void jitterShouldOnlyShortenAStep() {
        HibernatePolicy p = new HibernatePolicy(new HibernatePolicy.Backoff(S, 30 * S, Ratio.parse("2"), 20, 0),
                HibernatePolicy.Flaws.NONE, new SplittableRandom(7));
        for (int i = 0; i < 5; i++) {
            p.onTick(0, empty());
        }
        for (int i = 0; i < 1_000; i++) {
            assertThat(p.onTick(0, empty())).isBetween(24 * S + 1, 30 * S);
        }
    }

    @Test
    void aSaturatedTickShouldChangeNothingAndAnErrorShouldCountAsIdle() {
        HibernatePolicy p = policy(HibernatePolicy.Flaws.NONE);
        p.onTick(0, empty());
        assertThat(p.onTick(0, outcome.set(0, 0, true, TickError.NONE, TickOutcome.NO_DEADLINE))).isEqualTo(2 * S);
        assertThat(p.onTick(0, outcome.set(0, 0, false, TickError.SERVER_ERROR, TickOutcome.NO_DEADLINE))).isEqualTo(4 * S);
    }
}
