package dev.pollsim.sim.metrics;

import dev.pollsim.policy.param.Durations;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The counters of one run as it happens: requests by kind, per daemon and per hour, wake
 * latencies, job counts and queue depth. Every recording method is allocation-free. NOT
 * thread-safe.
 */
public final class RunMetrics {

    private static final RequestKind[] KINDS = RequestKind.values();

    private final long horizonUs;
    private final long[] byKind = new long[KINDS.length];
    private final long[] perDaemon;
    private final long[] hourlyRequests;
    private final long[] hourlyArrivals;
    private final long[] hourlyPeakQueued;
    private final LatencyRecorder wakeLatency = new LatencyRecorder();

    private long arrived;
    private long picked;
    private long completed;
    private long ticks;
    private long saturatedTicks;

    /**
     * @param daemons fleet size
     * @param horizonUs simulated span; hourly series cover it, the last hour possibly partial
     */
    public RunMetrics(int daemons, long horizonUs) {
        this.horizonUs = horizonUs;
        this.perDaemon = new long[daemons];
        int hours = (int) ((horizonUs + Durations.MICROS_PER_HOUR - 1) / Durations.MICROS_PER_HOUR);
        this.hourlyRequests = new long[hours];
        this.hourlyArrivals = new long[hours];
        this.hourlyPeakQueued = new long[hours];
    }

    /** {@code count} requests of one kind by one daemon at {@code nowUs}. */
    public void requests(RequestKind kind, int daemon, int count, long nowUs) {
        byKind[kind.ordinal()] += count;
        perDaemon[daemon] += count;
        hourlyRequests[hour(nowUs)] += count;
    }

    /** A job became visible; {@code queued} jobs now wait. */
    public void arrived(long nowUs, int queued) {
        arrived++;
        int h = hour(nowUs);
        hourlyArrivals[h]++;
        if (queued > hourlyPeakQueued[h]) {
            hourlyPeakQueued[h] = queued;
        }
    }

    /** A tick took a job that waited {@code waitedUs}. */
    public void picked(long waitedUs) {
        picked++;
        wakeLatency.record(waitedUs);
    }

    /** A worker finished. */
    public void completed() {
        completed++;
    }

    /** A loop ticked; {@code saturated} when no slot was free. */
    public void tick(boolean saturated) {
        ticks++;
        if (saturated) {
            saturatedTicks++;
        }
    }

    /** The recorder of wake latencies, for reports that draw the whole distribution. */
    public LatencyRecorder wakeLatency() {
        return wakeLatency;
    }

    /**
     * Seals the run into its result.
     *
     * @param stranded jobs still queued at the horizon
     */
    public PolicyResult finish(String label, String policy, Map<String, String> params, long stranded) {
        Map<RequestKind, Long> kinds = new EnumMap<>(RequestKind.class);
        long total = 0;
        for (RequestKind k : KINDS) {
            kinds.put(k, byKind[k.ordinal()]);
            total += byKind[k.ordinal()];
        }
        List<Long> daemons = new ArrayList<>(perDaemon.length);
        for (long r : perDaemon) {
            daemons.add(r);
        }
        return new PolicyResult(
                label,
                policy,
                params,
                horizonUs,
                total,
                Collections.unmodifiableMap(kinds),
                Collections.unmodifiableList(daemons),
                wakeLatency.summary(),
                new JobCounts(arrived, picked, stranded, completed),
                ticks,
                saturatedTicks,
                new HourlySeries(hourlyRequests, hourlyArrivals, hourlyPeakQueued));
    }

    private int hour(long nowUs) {
        return (int) (Math.min(nowUs, horizonUs - 1) / Durations.MICROS_PER_HOUR);
    }
}
