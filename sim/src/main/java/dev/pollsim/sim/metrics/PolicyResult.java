package dev.pollsim.sim.metrics;

import dev.pollsim.policy.param.Durations;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one policy did over one scenario. Immutable.
 *
 * @param label the label the scenario gives the policy ({@code fixed-60s})
 * @param policy the policy's name ({@code fixed})
 * @param params every parameter in canonical form
 * @param horizonUs the simulated span
 * @param requests upstream requests in all
 * @param requestsByKind requests per kind, every kind present
 * @param requestsPerDaemon requests per daemon, by daemon index
 * @param wakeLatency enqueue to pickup, over every picked job
 * @param jobs where the jobs ended up
 * @param ticks loop ticks in all
 * @param saturatedTicks ticks that found every slot busy and made no request
 * @param hourly per-hour series
 */
public record PolicyResult(
        String label,
        String policy,
        Map<String, String> params,
        long horizonUs,
        long requests,
        Map<RequestKind, Long> requestsByKind,
        List<Long> requestsPerDaemon,
        LatencySummary wakeLatency,
        JobCounts jobs,
        long ticks,
        long saturatedTicks,
        HourlySeries hourly) {

    public PolicyResult {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** Simulated days (may be fractional). */
    public double days() {
        return (double) horizonUs / Durations.MICROS_PER_DAY;
    }

    /** Upstream requests per simulated day. */
    public double requestsPerDay() {
        return requests / days();
    }

    /** Requests of one kind per simulated day. */
    public double requestsPerDay(RequestKind kind) {
        return requestsByKind.get(kind) / days();
    }

    /** Share of poll requests that found nothing: empty / (empty + work); 0 with no polls. */
    public double emptyPollFraction() {
        long empty = requestsByKind.get(RequestKind.EMPTY_POLL);
        long polls = empty + requestsByKind.get(RequestKind.WORK_POLL);
        return polls == 0 ? 0 : (double) empty / polls;
    }
}
