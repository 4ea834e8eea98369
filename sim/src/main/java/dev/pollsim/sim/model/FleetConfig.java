package dev.pollsim.sim.model;

/**
 * The fleet sharing one work queue.
 *
 * @param daemons number of daemons
 * @param maxConcurrent worker slots per daemon
 * @param requestsPerTick upstream requests one unsaturated tick costs
 * @param startPhases how first ticks are placed
 * @param tickLatencyUs how long a tick's request takes; its decision, and the pickup of the jobs
 *     it took, come that much after it started, and a wake in between finds it in flight
 */
public record FleetConfig(int daemons, int maxConcurrent, int requestsPerTick, StartPhases startPhases, long tickLatencyUs) {

    /** A fleet whose ticks take no time. */
    public FleetConfig(int daemons, int maxConcurrent, int requestsPerTick, StartPhases startPhases) {
        this(daemons, maxConcurrent, requestsPerTick, startPhases, 0);
    }

    public FleetConfig {
        if (daemons < 1) {
            throw new IllegalArgumentException("daemons must be at least 1, got " + daemons);
        }
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1, got " + maxConcurrent);
        }
        if (requestsPerTick < 0) {
            throw new IllegalArgumentException("requestsPerTick must be at least 0, got " + requestsPerTick);
        }
        if (tickLatencyUs < 0) {
            throw new IllegalArgumentException("tickLatency must be at least 0, got " + tickLatencyUs);
        }
    }
}
