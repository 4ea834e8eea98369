package dev.pollsim.sim.model;

import java.util.Objects;

/**
 * The world of one run: the fleet, the upstream, what goes wrong, and how long it runs.
 *
 * @param fleet the daemons sharing one queue
 * @param upstream the upstream's warm window, cold start and rate limit
 * @param faults error windows, job failures, restarts and reloads
 * @param horizonUs the simulated span, in microseconds
 */
public record World(FleetConfig fleet, UpstreamConfig upstream, FaultPlan faults, long horizonUs) {

    public World {
        Objects.requireNonNull(fleet, "fleet");
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(faults, "faults");
        if (horizonUs <= 0) {
            throw new IllegalArgumentException("horizon must be positive, got " + horizonUs);
        }
        if (upstream.rateLimit().enabled() && fleet.requestsPerTick() > upstream.rateLimit().burst()) {
            throw new IllegalArgumentException("requestsPerTick (" + fleet.requestsPerTick()
                    + ") exceeds the rate limit's burst (" + upstream.rateLimit().burst() + "): every tick would get 429");
        }
    }

    /** A fleet with a plain upstream and nothing going wrong. */
    public static World of(FleetConfig fleet, long horizonUs) {
        return new World(fleet, UpstreamConfig.NONE, FaultPlan.NONE, horizonUs);
    }
}
