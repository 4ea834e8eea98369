package dev.pollsim.sim.workload;

/**
 * A stream of job arrivals in time order, read one at a time so that memory does not grow with
 * the workload. After {@link #next()} returns a time, {@link #serviceUs()} and
 * {@link #origin()} describe that job until the next call. NOT thread-safe.
 */
public interface ArrivalSource {

    /** Returned by {@link #next()} when no arrival is left. */
    long NONE = Long.MAX_VALUE;

    /**
     * Advances to the next arrival.
     *
     * @return its time in microseconds from the scenario start, never before the previous one;
     *     or {@link #NONE}
     */
    long next();

    /** How long a worker runs the current job, in microseconds. */
    long serviceUs();

    /** Where the current job was enqueued from. */
    Origin origin();
}
