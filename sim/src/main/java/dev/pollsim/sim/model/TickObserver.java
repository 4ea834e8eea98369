package dev.pollsim.sim.model;

import dev.pollsim.policy.TickOutcome;

/**
 * Hears every tick decision of a run, and nothing else: the common case of a
 * {@link SimObserver}, as a lambda.
 */
@FunctionalInterface
public interface TickObserver extends SimObserver {

    /** Ignores every tick. */
    TickObserver NONE = (loop, nowUs, dispatched, saturated, nextDelayUs) -> { };

    /**
     * @param loop the loop that ticked
     * @param nowUs when it decided
     * @param dispatched jobs it started
     * @param saturated whether every slot was busy
     * @param nextDelayUs the delay the policy answered, or a negative marker (suspend)
     */
    void tick(int loop, long nowUs, int dispatched, boolean saturated, long nextDelayUs);

    @Override
    default void decided(int loop, long nowUs, TickOutcome outcome, long nextDelayUs) {
        tick(loop, nowUs, outcome.dispatched(), outcome.saturated(), nextDelayUs);
    }
}
