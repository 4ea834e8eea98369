package dev.pollsim.spark;

import dev.pollsim.sim.metrics.HourlySeries;
import dev.pollsim.sim.metrics.IntervalSeries;
import dev.pollsim.sim.metrics.JobCounts;
import dev.pollsim.sim.metrics.LatencyCdf;
import dev.pollsim.sim.metrics.LatencySummary;
import dev.pollsim.sim.metrics.LoopCounts;
import dev.pollsim.sim.metrics.PolicyResult;
import dev.pollsim.sim.metrics.RequestKind;
import dev.pollsim.sim.metrics.UpstreamStats;
import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link PolicyResult} as text, longs and doubles only, so that it crosses from a Spark
 * executor to the driver by Java serialisation and comes back equal to the original: every
 * number is kept as the primitive the result holds (no decimal text on the way, so a double
 * keeps every bit), and maps keep their order. {@code PolicyResult} itself is not
 * {@code Serializable}; this is the one place that knows its whole shape. Immutable.
 */
final class CellOutcome implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Label, policy, the first loop's name, then every parameter's name and value alternately. */
    private final String[] text;
    /** The loop names of {@code requestsByLoop}, in order. */
    private final String[] loopNames;
    /**
     * Horizon, requests, ramp time, jobs (7), loops (6), upstream (4), the two latency summaries'
     * longs (6 each), and whether the interval series was truncated (1) or not (0).
     */
    private final long[] longs;
    /** The two latency summaries' exact means, wake latency first. */
    private final double[] means;
    /** Requests per {@link RequestKind}, by ordinal. */
    private final long[] requestsByKind;
    private final long[] requestsPerDaemon;
    /** Requests per loop, in {@code loopNames} order. */
    private final long[] requestsByLoop;
    /** Requests, arrivals and peak queue depth per hour. */
    private final long[][] hourly;
    /** The first loop's decision times, delays and reported due times. */
    private final long[][] intervals;
    private final long[] cdfAtMostUs;
    private final double[] cdfFraction;

    private CellOutcome(String[] text, String[] loopNames, long[] longs, double[] means, long[] requestsByKind,
            long[] requestsPerDaemon, long[] requestsByLoop, long[][] hourly, long[][] intervals, long[] cdfAtMostUs,
            double[] cdfFraction) {
        this.text = text;
        this.loopNames = loopNames;
        this.longs = longs;
        this.means = means;
        this.requestsByKind = requestsByKind;
        this.requestsPerDaemon = requestsPerDaemon;
        this.requestsByLoop = requestsByLoop;
        this.hourly = hourly;
        this.intervals = intervals;
        this.cdfAtMostUs = cdfAtMostUs;
        this.cdfFraction = cdfFraction;
    }

    /** The outcome of one result. */
    static CellOutcome of(PolicyResult r) {
        String[] text = new String[3 + 2 * r.params().size()];
        text[0] = r.label();
        text[1] = r.policy();
        text[2] = r.intervals().loop();
        int t = 3;
        for (Map.Entry<String, String> e : r.params().entrySet()) {
            text[t++] = e.getKey();
            text[t++] = e.getValue();
        }
        RequestKind[] kinds = RequestKind.values();
        long[] byKind = new long[kinds.length];
        for (RequestKind k : kinds) {
            byKind[k.ordinal()] = r.requestsByKind().get(k);
        }
        String[] loopNames = r.requestsByLoop().keySet().toArray(String[]::new);
        long[] byLoop = new long[loopNames.length];
        for (int i = 0; i < loopNames.length; i++) {
            byLoop[i] = r.requestsByLoop().get(loopNames[i]);
        }
        JobCounts j = r.jobs();
        LoopCounts l = r.loops();
        UpstreamStats u = r.upstream();
        LatencySummary w = r.wakeLatency();
        LatencySummary s = r.timeToStart();
        long[] longs = {r.horizonUs(), r.requests(), r.rampTimeUs(),
            j.arrived(), j.retried(), j.picked(), j.stranded(), j.completed(), j.failed(), j.pendingRetry(),
            l.ticks(), l.saturatedTicks(), l.suspends(), l.wakes(), l.restarts(), l.maxOverdueUs(),
            u.rateLimited(), u.serverErrors(), u.coldStarts(), u.warmUs(),
            w.count(), w.p50Us(), w.p90Us(), w.p99Us(), w.p999Us(), w.maxUs(),
            s.count(), s.p50Us(), s.p90Us(), s.p99Us(), s.p999Us(), s.maxUs(),
            r.intervals().truncated() ? 1 : 0};
        HourlySeries h = r.hourly();
        IntervalSeries iv = r.intervals();
        return new CellOutcome(text, loopNames, longs, new double[] {w.meanUs(), s.meanUs()}, byKind,
                r.requestsPerDaemon().stream().mapToLong(Long::longValue).toArray(), byLoop,
                new long[][] {h.requests(), h.arrivals(), h.peakQueued()},
                new long[][] {iv.atUs(), iv.delayUs(), iv.reportedDueUs(), iv.overdueUs()},
                r.wakeLatencyCdf().atMostUs(), r.wakeLatencyCdf().fraction());
    }

    /** The result again, equal to the one this outcome was made of. */
    PolicyResult result() {
        Map<String, String> params = new LinkedHashMap<>();
        for (int t = 3; t < text.length; t += 2) {
            params.put(text[t], text[t + 1]);
        }
        Map<RequestKind, Long> byKind = new EnumMap<>(RequestKind.class);
        for (RequestKind k : RequestKind.values()) {
            byKind.put(k, requestsByKind[k.ordinal()]);
        }
        Map<String, Long> byLoop = new LinkedHashMap<>();
        for (int i = 0; i < loopNames.length; i++) {
            byLoop.put(loopNames[i], requestsByLoop[i]);
        }
        long[] n = longs;
        return new PolicyResult(text[0], text[1], params, n[0], n[1], byKind,
                Arrays.stream(requestsPerDaemon).boxed().toList(), byLoop,
                new LatencySummary(n[20], means[0], n[21], n[22], n[23], n[24], n[25]),
                new LatencySummary(n[26], means[1], n[27], n[28], n[29], n[30], n[31]),
                n[2],
                new JobCounts(n[3], n[4], n[5], n[6], n[7], n[8], n[9]),
                new LoopCounts(n[10], n[11], n[12], n[13], n[14], n[15]),
                new UpstreamStats(n[16], n[17], n[18], n[19]),
                new HourlySeries(hourly[0], hourly[1], hourly[2]),
                new IntervalSeries(text[2], intervals[0], intervals[1], intervals[2], intervals[3], n[32] != 0),
                new LatencyCdf(cdfAtMostUs, cdfFraction));
    }
}
