package dev.pollsim.sim.scenario;

import dev.pollsim.sim.model.FleetConfig;
import dev.pollsim.sim.model.StartPhases;
import dev.pollsim.sim.workload.Origin;

/**
 * The {@code fleet:} section: the daemons sharing one work queue.
 *
 * @param daemons number of daemons (default 1)
 * @param maxConcurrent worker slots per daemon (default 4)
 * @param requestsPerTick upstream requests one unsaturated tick costs (default 1; seed 000's
 *     daemon spent about 2)
 * @param origin where jobs are enqueued from, {@code local} or {@code remote} (default remote)
 * @param startPhases {@code spread} (seeded, default) or {@code aligned} (all at time zero)
 * @param tickLatency how long a tick's request takes (default 0s): the jobs it takes are picked
 *     up, and its policy decides, that much later; a wake in between finds the tick in flight
 * @param queue {@code shared} (default): one work queue for the fleet; {@code per-daemon}: each
 *     daemon has its own queue and its own arrivals, as the workload describes them for one
 *     daemon, with nothing shared, so daemons are simulated apart on every core
 */
public record FleetSpec(Integer daemons, Integer maxConcurrent, Integer requestsPerTick, String origin,
        String startPhases, TimeSpan tickLatency, String queue) {

    /** Queue kinds, as written. */
    public static final String SHARED = "shared";
    public static final String PER_DAEMON = "per-daemon";

    public static final FleetSpec DEFAULT = new FleetSpec(null, null, null, null, null, null, null);

    public FleetSpec {
        daemons = daemons == null ? 1 : daemons;
        maxConcurrent = maxConcurrent == null ? 4 : maxConcurrent;
        requestsPerTick = requestsPerTick == null ? 1 : requestsPerTick;
        origin = origin == null ? Origin.REMOTE.label() : Origin.of(origin).label();
        startPhases = startPhases == null ? StartPhases.SPREAD.label() : StartPhases.of(startPhases).label();
        tickLatency = tickLatency == null ? new TimeSpan(0) : tickLatency;
        queue = queue == null ? SHARED : queue;
        if (!queue.equals(SHARED) && !queue.equals(PER_DAEMON)) {
            throw new IllegalArgumentException("queue must be shared or per-daemon, got '" + queue + "'");
        }
        config(daemons, maxConcurrent, requestsPerTick, startPhases, tickLatency);
    }

    /** The model's view of the fleet. */
    public FleetConfig config() {
        return config(daemons, maxConcurrent, requestsPerTick, startPhases, tickLatency);
    }

    /** Whether each daemon has its own queue and arrivals. */
    public boolean perDaemon() {
        return queue.equals(PER_DAEMON);
    }

    /** Where the fleet's jobs come from. */
    public Origin jobOrigin() {
        return Origin.of(origin);
    }

    private static FleetConfig config(int daemons, int maxConcurrent, int requestsPerTick, String phases,
            TimeSpan tickLatency) {
        return new FleetConfig(daemons, maxConcurrent, requestsPerTick, StartPhases.of(phases), tickLatency.micros());
    }
}
