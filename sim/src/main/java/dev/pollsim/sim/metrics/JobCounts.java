package dev.pollsim.sim.metrics;

/**
 * Where every job ended up: {@code arrived + retried == picked + stranded}.
 *
 * @param arrived jobs that became visible before the horizon for the first time
 * @param retried failed jobs that became visible again at their retry deadline
 * @param picked pickups by a tick, first runs and retries alike
 * @param stranded jobs (first runs or retries) still queued at the horizon: a cost of the
 *     policy, never hidden
 * @param completed runs that finished and succeeded before the horizon
 * @param failed jobs that failed their last allowed attempt
 * @param pendingRetry failed jobs whose retry deadline falls after the horizon
 */
public record JobCounts(long arrived, long retried, long picked, long stranded, long completed, long failed,
        long pendingRetry) {

    /** Counts of a run with no failures. */
    public static JobCounts of(long arrived, long picked, long stranded, long completed) {
        return new JobCounts(arrived, 0, picked, stranded, completed, 0, 0);
    }
}
