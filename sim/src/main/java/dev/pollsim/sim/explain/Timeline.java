package dev.pollsim.sim.explain;

import java.util.List;

/**
 * What one daemon's loops did under one policy within a window of a run. Immutable.
 *
 * @param scenario the scenario's name
 * @param seed its master seed
 * @param label the policy label
 * @param policy the policy's name
 * @param daemon the daemon
 * @param fromUs the window's start, inclusive
 * @param toUs the window's end, exclusive
 * @param events the events within the window, in time order (same-time events in the order they ran)
 * @param limit the most events kept
 * @param truncated whether events were left out beyond the limit
 */
public record Timeline(String scenario, long seed, String label, String policy, int daemon, long fromUs, long toUs,
        List<TimelineEvent> events, int limit, boolean truncated) {

    public Timeline {
        events = List.copyOf(events);
    }
}
