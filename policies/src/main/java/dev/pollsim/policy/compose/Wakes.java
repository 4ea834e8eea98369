package dev.pollsim.policy.compose;

/**
 * What wakes a composed policy's loop, and what a wake does to a pending poll. A local enqueue or
 * a retry deadline polls at once; a freed slot re-arms at the floor (seed 000's
 * {@code schedulePoll(pollInterval)}: a free slot is capacity, not work).
 *
 * @param localEnqueue a job enqueued inside the daemon's process (a wake bus)
 * @param retryDeadline a failed job's retry deadline
 * @param freedSlot a worker of the daemon finished
 * @param replace a wake re-schedules the pending poll even when that postpones it (seed 000);
 *     otherwise it only brings a poll forward, so a storm of wakes never starves the loop
 */
public record Wakes(boolean localEnqueue, boolean retryDeadline, boolean freedSlot, boolean replace) {

    /** Whether any source wakes the loop. */
    public boolean any() {
        return localEnqueue || retryDeadline || freedSlot;
    }
}
