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
 * @param requestsByLoop requests per loop name ({@code worker-1}, {@code reaper}), over all daemons
 * @param wakeLatency enqueue (or retry deadline) to pickup, over every pickup
 * @param timeToStart enqueue to worker running, over every pickup
 * @param rampTimeUs for a burst workload, burst to every slot busy (or every job started); -1 otherwise
 * @param jobs where the jobs ended up
 * @param loops what the loops did
 * @param upstream 429s, errors, cold starts and warm time
 * @param hourly per-hour series
 * @param intervals the first loop's decisions, tick by tick
 * @param wakeLatencyCdf the whole distribution of {@code wakeLatency}, for charts
 */
public record PolicyResult(
        String label,
        String policy,
        Map<String, String> params,
        long horizonUs,
        long requests,
        Map<RequestKind, Long> requestsByKind,
        List<Long> requestsPerDaemon,
        Map<String, Long> requestsByLoop,
        LatencySummary wakeLatency,
        LatencySummary timeToStart,
        long rampTimeUs,
        JobCounts jobs,
        LoopCounts loops,
        UpstreamStats upstream,
        HourlySeries hourly,
        IntervalSeries intervals,
        LatencyCdf wakeLatencyCdf) {

    public PolicyResult {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        requestsByLoop = Collections.unmodifiableMap(new LinkedHashMap<>(requestsByLoop));
    }

    /** A result without the latency distribution ({@link LatencyCdf#EMPTY}). */
    public PolicyResult(String label, String policy, Map<String, String> params, long horizonUs, long requests,
            Map<RequestKind, Long> requestsByKind, List<Long> requestsPerDaemon, Map<String, Long> requestsByLoop,
            LatencySummary wakeLatency, LatencySummary timeToStart, long rampTimeUs, JobCounts jobs,
            LoopCounts loops, UpstreamStats upstream, HourlySeries hourly, IntervalSeries intervals) {
        this(label, policy, params, horizonUs, requests, requestsByKind, requestsPerDaemon, requestsByLoop,
                wakeLatency, timeToStart, rampTimeUs, jobs, loops, upstream, hourly, intervals, LatencyCdf.EMPTY);
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

    /** Loop ticks in all. */
    public long ticks() {
        return loops.ticks();
    }

    /** Ticks that found every slot busy and made no request. */
    public long saturatedTicks() {
        return loops.saturatedTicks();
    }

    /** Billed warm compute hours per simulated day. */
    public double warmHoursPerDay() {
        return upstream.warmUs() / (double) Durations.MICROS_PER_HOUR / days();
    }

    /** Cold starts per simulated day. */
    public double coldStartsPerDay() {
        return upstream.coldStarts() / days();
    }
}
