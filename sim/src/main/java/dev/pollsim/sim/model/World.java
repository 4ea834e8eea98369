package dev.pollsim.sim.model;

import java.util.Objects;

/**
 * The world of one run: the fleet, the upstream, what goes wrong, and how long it runs.
 *
 * @param fleet the daemons sharing one queue
 * @param upstream the upstream's warm window, cold start and rate limit
 * @param faults error windows, job failures, restarts and reloads
 * @param horizonUs the simulated span, in microseconds
 * @param fastForward skip idle stretches in closed form where the world allows it (no tick
 *     latency, warm model, rate limit or error windows); results are identical either way
 */
public record World(FleetConfig fleet, UpstreamConfig upstream, FaultPlan faults, long horizonUs, boolean fastForward) {

    /** A world that skips idle stretches where it can. */
    public World(FleetConfig fleet, UpstreamConfig upstream, FaultPlan faults, long horizonUs) {
        this(fleet, upstream, faults, horizonUs, true);
    }

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

    /** This world, simulated tick by tick (or not) instead. */
    public World withFastForward(boolean on) {
        return new World(fleet, upstream, faults, horizonUs, on);
    }

    /** A fleet with a plain upstream and nothing going wrong. */
    public static World of(FleetConfig fleet, long horizonUs) {
        return new World(fleet, UpstreamConfig.NONE, FaultPlan.NONE, horizonUs);
    }
}
