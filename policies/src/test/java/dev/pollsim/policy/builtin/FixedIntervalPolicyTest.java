package dev.pollsim.policy.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pollsim.policy.LoopState;
import dev.pollsim.policy.PollPolicy;
import dev.pollsim.policy.TickError;
import dev.pollsim.policy.TickOutcome;
import dev.pollsim.policy.WakeKind;
import org.junit.jupiter.api.Test;

class FixedIntervalPolicyTest {

    @Test
    void shouldAnswerTheSameIntervalWhateverTheTickFound() {
        FixedIntervalPolicy p = new FixedIntervalPolicy(7_000_000L);
        TickOutcome o = new TickOutcome();
        assertThat(p.onTick(0, o.set(0, 0, false, TickError.NONE, TickOutcome.NO_DEADLINE))).isEqualTo(7_000_000L);
        assertThat(p.onTick(0, o.set(3, 2, false, TickError.NONE, TickOutcome.NO_DEADLINE))).isEqualTo(7_000_000L);
        assertThat(p.onTick(0, o.set(0, 0, true, TickError.RATE_LIMITED, 5))).isEqualTo(7_000_000L);
        assertThat(p.onSlotFreed(0, LoopState.WAITING)).isEqualTo(PollPolicy.KEEP);
        assertThat(p.onWake(0, WakeKind.LOCAL_ENQUEUE, LoopState.WAITING)).isEqualTo(PollPolicy.KEEP);
    }

    @Test
    void shouldRefuseANonPositiveInterval() {
        assertThatThrownBy(() -> new FixedIntervalPolicy(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
