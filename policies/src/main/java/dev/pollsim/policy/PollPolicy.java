package dev.pollsim.policy;

/**
 * Decides when one poll loop polls next.
 *
 * <p>A policy is a clock-free state machine: the simulator tells it what a tick found, that a
 * worker slot was freed, or that a wake signal arrived, and passes the current simulated time
 * in. The policy answers a delay in microseconds from that time, {@link #SUSPEND} (stop
 * re-arming until woken) or {@link #KEEP} (leave the pending poll as it is).
 *
 * <p>One instance serves one loop of one daemon. Implementations are NOT thread-safe and must
 * not allocate in {@link #onTick}, {@link #onSlotFreed} or {@link #onWake}: they run once per
 * simulated event.
 */
public interface PollPolicy {

    /** Answer of {@link #onTick}: stop re-arming the timer; only a wake re-arms the loop. */
    long SUSPEND = -1L;

    /** Answer of {@link #onSlotFreed} and {@link #onWake}: leave the pending poll untouched. */
    long KEEP = -2L;

    /** The interval the loop starts at; a fleet spreads first ticks uniformly over it. */
    long initialIntervalUs();

    /** The most jobs one tick may start, before free slots and queued jobs are counted. */
    default int batchLimit() {
        return Integer.MAX_VALUE;
    }

    /**
     * A tick finished.
     *
     * @param nowUs simulated time of the decision, in microseconds
     * @param outcome what the tick found; reused by the caller, valid only during this call
     * @return the delay to the next tick in microseconds ({@code >= 0}), or {@link #SUSPEND}
     */
    long onTick(long nowUs, TickOutcome outcome);

    /**
     * A worker of this loop's daemon finished and freed its slot.
     *
     * @return a new delay from {@code nowUs} for the pending poll, or {@link #KEEP}
     */
    default long onSlotFreed(long nowUs, LoopState state) {
        return KEEP;
    }

    /**
     * A wake signal reached the loop.
     *
     * @return a new delay from {@code nowUs} for the pending poll, or {@link #KEEP}
     */
    default long onWake(long nowUs, WakeKind kind, LoopState state) {
        return KEEP;
    }
}
