package dev.pollsim.policy;

/**
 * What one tick found, as the simulator tells a {@link PollPolicy}.
 *
 * <p>A mutable flyweight: the simulator fills one instance per run and passes it to every
 * {@link PollPolicy#onTick} call, so that a tick allocates nothing. A policy must read it during
 * the call and keep no reference to it. NOT thread-safe.
 */
public final class TickOutcome {

    /** Marker for {@link #deadlineUs()}: no known deadline. */
    public static final long NO_DEADLINE = Long.MAX_VALUE;

    private int dispatched;
    private int slotsFreed;
    private boolean saturated;
    private TickError error = TickError.NONE;
    private long deadlineUs = NO_DEADLINE;

    /**
     * Sets every field at once.
     *
     * @param dispatched jobs the tick started
     * @param slotsFreed worker slots freed since the loop's previous tick (a pool change)
     * @param saturated every worker slot was busy, so the tick dequeued nothing
     * @param error the upstream error the tick met, or {@link TickError#NONE}
     * @param deadlineUs the nearest known deadline after now (a retry or rate-limit resume), or
     *     {@link #NO_DEADLINE}
     * @return this
     */
    public TickOutcome set(
            int dispatched, int slotsFreed, boolean saturated, TickError error, long deadlineUs) {
        this.dispatched = dispatched;
        this.slotsFreed = slotsFreed;
        this.saturated = saturated;
        this.error = error;
        this.deadlineUs = deadlineUs;
        return this;
    }

    public int dispatched() {
        return dispatched;
    }

    public int slotsFreed() {
        return slotsFreed;
    }

    public boolean saturated() {
        return saturated;
    }

    public TickError error() {
        return error;
    }

    public long deadlineUs() {
        return deadlineUs;
    }

    /** True when the tick did real work: it started a job or saw the pool change. */
    public boolean didWork() {
        return dispatched > 0 || slotsFreed > 0;
    }
}
