package dev.pollsim.sim.model;

/**
 * Hears every tick of a run, for timelines and interval series. Called on the hot path: an
 * implementation must be cheap and should not allocate. {@link #NONE} ignores everything.
 */
@FunctionalInterface
public interface TickObserver {

    /** Ignores every tick. */
    TickObserver NONE = (loop, nowUs, dispatched, saturated, nextDelayUs) -> { };

    /**
     * @param loop the loop that ticked
     * @param nowUs when
     * @param dispatched jobs it started
     * @param saturated whether every slot was busy
     * @param nextDelayUs the delay the policy answered, or a negative marker (suspend)
     */
    void tick(int loop, long nowUs, int dispatched, boolean saturated, long nextDelayUs);
}
