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
 * @param tickThreads threads a run simulated tick by tick may split its idle stretches across
 *     (see {@code TickParts}); results are identical for any number
 */
public record World(FleetConfig fleet, UpstreamConfig upstream, FaultPlan faults, long horizonUs, boolean fastForward,
        int tickThreads) {

    /** A world that skips idle stretches where it can. */
    public World(FleetConfig fleet, UpstreamConfig upstream, FaultPlan faults, long horizonUs) {
        this(fleet, upstream, faults, horizonUs, true);
    }

    /** A world run on one thread. */
    public World(FleetConfig fleet, UpstreamConfig upstream, FaultPlan faults, long horizonUs, boolean fastForward) {
        this(fleet, upstream, faults, horizonUs, fastForward, 1);
    }

    public World {
        Objects.requireNonNull(fleet, "fleet");
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(faults, "faults");
        if (horizonUs <= 0) {
            throw new IllegalArgumentException("horizon must be positive, got " + horizonUs);
        }
        if (tickThreads < 1) {
            throw new IllegalArgumentException("tickThreads must be at least 1, got " + tickThreads);
        }
        if (upstream.rateLimit().enabled() && fleet.requestsPerTick() > upstream.rateLimit().burst()) {
            throw new IllegalArgumentException("requestsPerTick (" + fleet.requestsPerTick()
                    + ") exceeds the rate limit's burst (" + upstream.rateLimit().burst() + "): every tick would get 429");
        }
    }

    /** This world, simulated tick by tick (or not) instead. */
    public World withFastForward(boolean on) {
        return new World(fleet, upstream, faults, horizonUs, on, tickThreads);
    }

    /** This world, its idle stretches split across up to {@code threads} threads when simulated tick by tick. */
    public World withTickThreads(int threads) {
        return new World(fleet, upstream, faults, horizonUs, fastForward, threads);
    }

    /** A fleet with a plain upstream and nothing going wrong. */
    public static World of(FleetConfig fleet, long horizonUs) {
        return new World(fleet, UpstreamConfig.NONE, FaultPlan.NONE, horizonUs);
    }
}
