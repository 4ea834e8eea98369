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
    private int pendingWork;
    private long busyUs;

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
        if (this.error != error) {
            // a reference stored into this long-lived object pays the collector's write barrier:
            // on every tick, only when it changes
            this.error = error;
        }
        this.deadlineUs = deadlineUs;
        this.pendingWork = 0;
        this.busyUs = 0;
        return this;
    }

    /**
     * Sets what the tick saw beyond its own dispatch.
     *
     * @param pendingWork jobs still queued or running where this loop looks (its lane for a
     *     worker, the whole queue and every lease for a reaper)
     * @param busyUs how long the tick spent starting jobs (spawn jitter), before it sleeps again
     * @return this
     */
    public TickOutcome seen(int pendingWork, long busyUs) {
        this.pendingWork = pendingWork;
        this.busyUs = busyUs;
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

    public int pendingWork() {
        return pendingWork;
    }

    public long busyUs() {
        return busyUs;
    }

    /** True when the tick did real work: it started a job or saw the pool change. */
    public boolean didWork() {
        return dispatched > 0 || slotsFreed > 0;
    }
}
