package dev.pollsim.sim.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pollsim.policy.PollPolicy;
import dev.pollsim.policy.TickError;
import dev.pollsim.policy.TickOutcome;
import dev.pollsim.policy.builtin.ExpIdlePolicy;
import dev.pollsim.policy.builtin.FixedIntervalPolicy;
import dev.pollsim.policy.param.Ratio;
import org.junit.jupiter.api.Test;

/** How a fleet holds its loops' policies: shared, packed into words, or an object per loop. */
class LoopPoliciesTest {

    private static final long S = 1_000_000L;
    private final TickOutcome idle = new TickOutcome().set(0, 0, false, TickError.NONE, TickOutcome.NO_DEADLINE);

    private static ExpIdlePolicy[] expIdle(int loops) {
        ExpIdlePolicy first = ExpIdlePolicy.seedDefaults();
        ExpIdlePolicy[] each = new ExpIdlePolicy[loops];
        for (int i = 0; i < loops; i++) {
            each[i] = first.fresh();
        }
        return each;
    }

    @Test
    void oneInstanceForEveryLoopShouldBeHeldOnce() {
        PollPolicy fixed = new FixedIntervalPolicy(10 * S);
        LoopPolicies held = LoopPolicies.of(new PollPolicy[] {fixed, fixed, fixed});
        assertThat(held.packed()).isFalse();
        assertThat(held.of(2)).isSameAs(fixed);
        PollPolicy other = new FixedIntervalPolicy(20 * S);
        held.replace(1, other);
        assertThat(held.of(0)).isSameAs(fixed);
        assertThat(held.of(1)).isSameAs(other);
        assertThat(held.of(2)).isSameAs(fixed);
    }

    @Test
    void eachLoopShouldKeepItsOwnStateThroughTheCursor() {
        LoopPolicies held = LoopPolicies.of(expIdle(3));
        assertThat(held.packed()).isTrue();
        // loop 0 idles three times, loop 1 once, loop 2 never, interleaved
        assertThat(held.of(0).onTick(0, idle)).isEqualTo(15 * S);
        assertThat(held.of(1).onTick(0, idle)).isEqualTo(15 * S);
        assertThat(held.of(0).onTick(0, idle)).isEqualTo(22_500_000L);
        assertThat(held.of(0).onTick(0, idle)).isEqualTo(33_750_000L);
        assertThat(((ExpIdlePolicy) held.of(2)).idleBackoffUs()).isEqualTo(10 * S);
        assertThat(((ExpIdlePolicy) held.of(1)).idleBackoffUs()).isEqualTo(15 * S);
        assertThat(((ExpIdlePolicy) held.of(0)).idleBackoffUs()).isEqualTo(33_750_000L);
    }

    @Test
    void aViewShouldSeeWhatTheOwnerFlushedAndTheOwnerWhatTheViewFlushed() {
        LoopPolicies held = LoopPolicies.of(expIdle(2));
        held.of(0).onTick(0, idle);
        held.flush();
        LoopPolicies view = held.view();
        assertThat(view.of(0)).isNotSameAs(held.of(1));
        assertThat(((ExpIdlePolicy) view.of(0)).idleBackoffUs()).isEqualTo(15 * S);
        view.of(0).onTick(0, idle);
        view.flush();
        held.flush();
        assertThat(((ExpIdlePolicy) held.of(0)).idleBackoffUs()).isEqualTo(22_500_000L);
    }

    @Test
    void aPolicyThatDoesNotPackAlikeShouldTurnTheLoopsBackToObjectsInTheirStates() {
        LoopPolicies held = LoopPolicies.of(expIdle(3));
        held.of(0).onTick(0, idle);
        held.of(2).onTick(0, idle);
        held.of(2).onTick(0, idle);
        ExpIdlePolicy slower = new ExpIdlePolicy(new ExpIdlePolicy.Settings(20 * S,
                Ratio.parse("2"), 120 * S, S, 30 * S, 60 * S));
        held.replace(1, slower);
        assertThat(held.packed()).isFalse();
        assertThat(held.of(1)).isSameAs(slower);
        assertThat(((ExpIdlePolicy) held.of(0)).idleBackoffUs()).isEqualTo(15 * S);
        assertThat(((ExpIdlePolicy) held.of(2)).idleBackoffUs()).isEqualTo(22_500_000L);
        assertThat(held.of(0)).isNotSameAs(held.of(2));
    }

    @Test
    void aRestartedLoopPackingAlikeShouldStartAfreshEvenWhileLoaded() {
        LoopPolicies held = LoopPolicies.of(expIdle(2));
        held.of(1).onTick(0, idle);
        held.replace(1, ExpIdlePolicy.seedDefaults());
        assertThat(held.packed()).isTrue();
        assertThat(((ExpIdlePolicy) held.of(1)).idleBackoffUs()).isEqualTo(10 * S);
    }

    @Test
    void policiesThatDoNotPackAlikeShouldKeepAnObjectPerLoop() {
        ExpIdlePolicy[] mixed = expIdle(4);
        mixed[3] = new ExpIdlePolicy(new ExpIdlePolicy.Settings(20 * S, Ratio.parse("2"), 120 * S, S, 30 * S, 60 * S));
        LoopPolicies held = LoopPolicies.of(mixed);
        assertThat(held.packed()).isFalse();
        assertThat(held.of(3)).isSameAs(mixed[3]);
        PollPolicy[] kinds = {ExpIdlePolicy.seedDefaults(), new FixedIntervalPolicy(10 * S)};
        assertThat(LoopPolicies.of(kinds).packed()).isFalse();
    }
}
