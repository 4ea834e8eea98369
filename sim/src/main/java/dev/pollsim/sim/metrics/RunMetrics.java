package dev.pollsim.sim.metrics;

import dev.pollsim.policy.param.Durations;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * The counters of one run as it happens: requests by kind, per daemon, per loop and per hour,
 * wake latencies and times to start, job counts, loop activity and queue depth. Every recording
 * method is allocation-free once the arrays have grown. NOT thread-safe.
 */
public final class RunMetrics {

    private static final RequestKind[] KINDS = RequestKind.values();

    private final long horizonUs;
    private final long[] byKind = new long[KINDS.length];
    /**
     * Requests of daemons {@code firstDaemon..}, an {@code int} each: a fleet holds one per
     * daemon, and a count passes {@link Integer#MAX_VALUE} only after two billion requests of one
     * daemon. Null once one has, when {@link #perDaemonWide} holds them.
     */
    private int[] perDaemon;
    /** The per-daemon requests as {@code long}s, once one count has outgrown an {@code int}; null until then. */
    private long[] perDaemonWide;
    private int firstDaemon;
    private final List<String> loopNames;
    private final long[] perLoop;
    private final long[] hourlyRequests;
    private final long[] hourlyArrivals;
    private final long[] hourlyPeakQueued;
    private final LatencyRecorder wakeLatency = new LatencyRecorder();
    private final LatencyRecorder timeToStart = new LatencyRecorder();

    private int hourIndex;
    private long hourStartUs = Long.MAX_VALUE;
    private long hourEndUs = Long.MIN_VALUE;

    private long arrived;
    private long retried;
    private long picked;
    private long completed;
    private long failed;
    private long ticks;
    private long saturatedTicks;
    private long suspends;
    private long wakes;
    private long restarts;
    private long maxOverdueUs;

    private long rampFromUs = -1;
    private long rampTarget;
    private long rampStarts;
    private long rampTimeUs = -1;

    private String seriesLoop = "";
    private long[] seriesAt = new long[0];
    private long[] seriesDelay = new long[0];
    private long[] seriesDue = new long[0];
    private long[] seriesOverdue = new long[0];
    private int seriesSize;
    private boolean seriesTruncated;

    /**
     * @param daemons fleet size
     * @param horizonUs simulated span; hourly series cover it, the last hour possibly partial
     */
    public RunMetrics(int daemons, long horizonUs) {
        this(daemons, List.of("worker"), horizonUs);
    }

    /**
     * @param daemons fleet size
     * @param loopNames the names of each daemon's loops, in loop order
     * @param horizonUs simulated span; hourly series cover it, the last hour possibly partial
     */
    public RunMetrics(int daemons, List<String> loopNames, long horizonUs) {
        this.horizonUs = horizonUs;
        this.perDaemon = new int[daemons];
        this.loopNames = List.copyOf(loopNames);
        this.perLoop = new long[loopNames.size()];
        int hours = (int) ((horizonUs + Durations.MICROS_PER_HOUR - 1) / Durations.MICROS_PER_HOUR);
        this.hourlyRequests = new long[hours];
        this.hourlyArrivals = new long[hours];
        this.hourlyPeakQueued = new long[hours];
    }

    /** Starts watching for the ramp: {@code target} workers started at or after {@code fromUs}. */
    public void watchRamp(long fromUs, long target) {
        this.rampFromUs = fromUs;
        this.rampTarget = target;
    }

    /** Names the loop whose decisions {@link #decision} records. */
    public void seriesOf(String loop) {
        this.seriesLoop = loop;
    }

    /** {@code count} requests of one kind by loop {@code loop} of {@code daemon} at {@code nowUs}. */
    public void requests(RequestKind kind, int daemon, int loop, int count, long nowUs) {
        byKind[kind.ordinal()] += count;
        countDaemon(daemon - firstDaemon, count);
        perLoop[loop] += count;
        hourlyRequests[hour(nowUs)] += count;
    }

    /** A tick of the first loop of {@code daemon} found nothing, at {@code nowUs}: {@code count} requests. */
    public void emptyPoll(int daemon, int count, long nowUs) {
        ticks++;
        requests(RequestKind.EMPTY_POLL, daemon, 0, count, nowUs);
    }

    /**
     * {@code count} idle ticks of one loop skipped in closed form, at {@code anchorUs + k x
     * periodUs} for {@code k = 1..count}, each an empty poll of {@code requestsPerTick} requests.
     */
    public void idleTicks(int daemon, int loop, long anchorUs, long periodUs, long count, int requestsPerTick) {
        if (count <= 0) {
            return;
        }
        long requests = count * requestsPerTick;
        byKind[RequestKind.EMPTY_POLL.ordinal()] += requests;
        countDaemon(daemon - firstDaemon, requests);
        perLoop[loop] += requests;
        ticks += count;
        if (requestsPerTick == 0) {
            return;
        }
        // walk hour by hour without dividing: with H = q x period + r, an hour whose first tick
        // comes o (< period) after its start holds q ticks, or q + 1 when o < r
        long hourUs = Durations.MICROS_PER_HOUR;
        long q = hourUs / periodUs;
        long r = hourUs % periodUs;
        long first = anchorUs + periodUs;
        long last = anchorUs + count * periodUs;
        int h = (int) (first / hourUs);
        long offset = first - h * hourUs;
        long left = count;
        boolean firstHour = true;
        while (left > 0) {
            long inHour;
            if (offset >= hourUs) {
                inHour = 0;
            } else if (firstHour) {
                // the first tick may fall anywhere in its hour: count that hour directly
                inHour = Math.min(left, (hourUs - 1 - offset) / periodUs + 1);
            } else {
                inHour = Math.min(left, q + (offset < r ? 1 : 0));
            }
            firstHour = false;
            if (h >= hourlyRequests.length) {
                break;
            }
            hourlyRequests[h] += inHour * requestsPerTick;
            left -= inHour;
            offset = offset + inHour * periodUs - hourUs;
            h++;
            if (offset >= hourUs) {
                // a period longer than an hour: skip the hours with no tick at once
                long skip = offset / hourUs;
                h += (int) skip;
                offset -= skip * hourUs;
            }
        }
        assert left == 0 || last >= horizonUs;
    }

    /** {@code count} requests of one kind by the first loop of {@code daemon} at {@code nowUs}. */
    public void requests(RequestKind kind, int daemon, int count, long nowUs) {
        requests(kind, daemon, 0, count, nowUs);
    }

    /** A job became visible for the first time; {@code queued} jobs now wait. */
    public void arrived(long nowUs, int queued) {
        arrived++;
        int h = hour(nowUs);
        hourlyArrivals[h]++;
        queued(h, queued);
    }

    /** The queue held {@code queued} jobs at some instant of hour {@code hour}. */
    public void queuedDuring(int hour, int queued) {
        if (hour < hourlyPeakQueued.length) {
            queued(hour, queued);
        }
    }

    /** A failed job became visible again; {@code queued} jobs now wait. */
    public void retried(long nowUs, int queued) {
        retried++;
        queued(hour(nowUs), queued);
    }

    /** A tick took a job that waited {@code waitedUs} since it became visible. */
    public void picked(long waitedUs) {
        picked++;
        wakeLatency.record(waitedUs);
    }

    /** A worker started at {@code nowUs}, {@code waitedUs} after its job became visible. */
    public void started(long nowUs, long waitedUs) {
        timeToStart.record(waitedUs);
        if (rampFromUs >= 0 && rampTimeUs < 0 && nowUs >= rampFromUs && ++rampStarts >= rampTarget) {
            rampTimeUs = nowUs - rampFromUs;
        }
    }

    /** A worker finished and its job succeeded. */
    public void completed() {
        completed++;
    }

    /** A job failed its last allowed attempt. */
    public void failed() {
        failed++;
    }

    /** A loop ticked; {@code saturated} when no slot was free. */
    public void tick(boolean saturated) {
        ticks++;
        if (saturated) {
            saturatedTicks++;
        }
    }

    /** A tick came {@code overdueUs} after the due time its daemon had reported. */
    public void overdue(long overdueUs) {
        if (overdueUs > maxOverdueUs) {
            maxOverdueUs = overdueUs;
        }
    }

    /** A loop stopped re-arming. */
    public void suspended() {
        suspends++;
    }

    /** {@code count} loops stopped re-arming. */
    public void suspended(long count) {
        suspends += count;
    }

    /**
     * Idle ticks of the first loop of daemons {@code firstDaemon..}, counted apart (a part of a
     * run split across threads): {@code perDaemon[i]} of daemon {@code firstDaemon + i},
     * {@code perHour[h]} in hour {@code h}, each an empty poll of {@code requestsPerTick}
     * requests. The same counts as {@link #emptyPoll} for each.
     */
    public void idlePolls(int firstDaemon, long[] perDaemon, long[] perHour, int requestsPerTick) {
        if (perHour.length != hourlyRequests.length) {
            throw new IllegalArgumentException("idle polls of " + perHour.length + " hours in a run of "
                    + hourlyRequests.length);
        }
        long total = 0;
        for (int i = 0; i < perDaemon.length; i++) {
            total += perDaemon[i];
            countDaemon(firstDaemon + i - this.firstDaemon, perDaemon[i] * requestsPerTick);
        }
        for (int h = 0; h < perHour.length; h++) {
            hourlyRequests[h] += perHour[h] * requestsPerTick;
        }
        long requests = total * requestsPerTick;
        byKind[RequestKind.EMPTY_POLL.ordinal()] += requests;
        perLoop[0] += requests;
        ticks += total;
    }

    /** A wake re-armed a suspended loop. */
    public void woke() {
        wakes++;
    }

    /** A daemon restarted. */
    public void restarted() {
        restarts++;
    }

    /**
     * The series loop decided {@code delayUs} at {@code nowUs} ({@code -1} to suspend), at the end
     * of a tick that came {@code overdueUs} after the due time reported before it.
     */
    public void decision(long nowUs, long delayUs, long reportedDueUs, long overdueUs) {
        if (seriesSize == IntervalSeries.LIMIT) {
            seriesTruncated = true;
            return;
        }
        if (seriesSize == seriesAt.length) {
            int cap = Math.min(IntervalSeries.LIMIT, Math.max(64, seriesSize * 2));
            seriesAt = Arrays.copyOf(seriesAt, cap);
            seriesDelay = Arrays.copyOf(seriesDelay, cap);
            seriesDue = Arrays.copyOf(seriesDue, cap);
            seriesOverdue = Arrays.copyOf(seriesOverdue, cap);
        }
        seriesAt[seriesSize] = nowUs;
        seriesDelay[seriesSize] = delayUs;
        seriesDue[seriesSize] = reportedDueUs;
        seriesOverdue[seriesSize] = overdueUs;
        seriesSize++;
    }

    /**
     * Adds what another part of the same run recorded (other daemons of a fleet simulated
     * apart). Sums, maxima and histograms, so the result does not depend on the order of adds;
     * the interval series is kept from whichever part recorded one.
     */
    public void add(RunMetrics other) {
        if (other.hourlyRequests.length != hourlyRequests.length || other.perLoop.length != perLoop.length) {
            throw new IllegalArgumentException("parts of one run must have the same loops and hours");
        }
        addAll(byKind, other.byKind);
        addDaemons(other);
        addAll(perLoop, other.perLoop);
        addAll(hourlyRequests, other.hourlyRequests);
        addAll(hourlyArrivals, other.hourlyArrivals);
        for (int h = 0; h < hourlyPeakQueued.length; h++) {
            hourlyPeakQueued[h] = Math.max(hourlyPeakQueued[h], other.hourlyPeakQueued[h]);
        }
        wakeLatency.add(other.wakeLatency);
        timeToStart.add(other.timeToStart);
        arrived += other.arrived;
        retried += other.retried;
        picked += other.picked;
        completed += other.completed;
        failed += other.failed;
        ticks += other.ticks;
        saturatedTicks += other.saturatedTicks;
        suspends += other.suspends;
        wakes += other.wakes;
        restarts += other.restarts;
        maxOverdueUs = Math.max(maxOverdueUs, other.maxOverdueUs);
        if (other.seriesSize > 0) {
            seriesLoop = other.seriesLoop;
            seriesAt = Arrays.copyOf(other.seriesAt, other.seriesSize);
            seriesDelay = Arrays.copyOf(other.seriesDelay, other.seriesSize);
            seriesDue = Arrays.copyOf(other.seriesDue, other.seriesSize);
            seriesOverdue = Arrays.copyOf(other.seriesOverdue, other.seriesSize);
            seriesSize = other.seriesSize;
            seriesTruncated = other.seriesTruncated;
        }
    }

    /** Adds {@code count} (>= 0) requests to the daemon at {@code i} of this part's range. */
    private void countDaemon(int i, long count) {
        if (perDaemonWide == null) {
            long n = perDaemon[i] + count;
            if (n <= Integer.MAX_VALUE) {
                perDaemon[i] = (int) n;
                return;
            }
            widenDaemonCounts();
        }
        perDaemonWide[i] += count;
    }

    /** A daemon's count outgrows an {@code int}: every count becomes a {@code long}. */
    private void widenDaemonCounts() {
        perDaemonWide = new long[perDaemon.length];
        for (int d = 0; d < perDaemon.length; d++) {
            perDaemonWide[d] = perDaemon[d];
        }
        perDaemon = null;
    }

    private long daemonRequests(int i) {
        return perDaemonWide != null ? perDaemonWide[i] : perDaemon[i];
    }

    private int daemonSpan() {
        return perDaemonWide != null ? perDaemonWide.length : perDaemon.length;
    }

    /** Adds the other part's per-daemon counts, widening this part's daemon range to cover both. */
    private void addDaemons(RunMetrics other) {
        int span = daemonSpan();
        int from = Math.min(firstDaemon, other.firstDaemon);
        int to = Math.max(firstDaemon + span, other.firstDaemon + other.daemonSpan());
        if (from != firstDaemon || to != firstDaemon + span) {
            if (perDaemonWide != null) {
                long[] wider = new long[to - from];
                System.arraycopy(perDaemonWide, 0, wider, firstDaemon - from, span);
                perDaemonWide = wider;
            } else {
                int[] wider = new int[to - from];
                System.arraycopy(perDaemon, 0, wider, firstDaemon - from, span);
                perDaemon = wider;
            }
            firstDaemon = from;
        }
        int at = other.firstDaemon - firstDaemon;
        for (int i = 0; i < other.daemonSpan(); i++) {
            countDaemon(at + i, other.daemonRequests(i));
        }
    }

    /** Records only daemons {@code from..to - 1} of the run (one part of a fleet run apart). */
    public RunMetrics daemons(int from, int to) {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("bad daemon range " + from + ".." + to);
        }
        this.firstDaemon = from;
        this.perDaemon = new int[to - from];
        this.perDaemonWide = null;
        return this;
    }

    private static void addAll(long[] into, long[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
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
     * @param pendingRetry failed jobs whose retry falls after the horizon
     * @param upstream what the upstream saw
     */
    public PolicyResult finish(String label, String policy, Map<String, String> params, long stranded,
            long pendingRetry, UpstreamStats upstream) {
        Map<RequestKind, Long> kinds = new EnumMap<>(RequestKind.class);
        long total = 0;
        for (RequestKind k : KINDS) {
            kinds.put(k, byKind[k.ordinal()]);
            total += byKind[k.ordinal()];
        }
        if (firstDaemon != 0) {
            throw new IllegalStateException("the parts of the run do not cover its first daemon");
        }
        long[] requestsByDaemon = new long[daemonSpan()];
        for (int i = 0; i < requestsByDaemon.length; i++) {
            requestsByDaemon[i] = daemonRequests(i);
        }
        List<Long> daemons = new LongList(requestsByDaemon);
        Map<String, Long> loops = new LinkedHashMap<>();
        for (int i = 0; i < perLoop.length; i++) {
            loops.put(loopNames.get(i), perLoop[i]);
        }
        return new PolicyResult(
                label,
                policy,
                params,
                horizonUs,
                total,
                Collections.unmodifiableMap(kinds),
                daemons,
                loops,
                wakeLatency.summary(),
                timeToStart.summary(),
                rampTimeUs,
                new JobCounts(arrived, retried, picked, stranded, completed, failed, pendingRetry),
                new LoopCounts(ticks, saturatedTicks, suspends, wakes, restarts, maxOverdueUs),
                upstream,
                new HourlySeries(hourlyRequests, hourlyArrivals, hourlyPeakQueued),
                new IntervalSeries(seriesLoop, Arrays.copyOf(seriesAt, seriesSize),
                        Arrays.copyOf(seriesDelay, seriesSize), Arrays.copyOf(seriesDue, seriesSize),
                        Arrays.copyOf(seriesOverdue, seriesSize), seriesTruncated),
                wakeLatency.cdf());
    }

    /** Seals a run with no failures and a plain upstream. */
    public PolicyResult finish(String label, String policy, Map<String, String> params, long stranded) {
        return finish(label, policy, params, stranded, 0, UpstreamStats.NONE);
    }

    /** An unmodifiable list of longs over an array, one long per element rather than a boxed one. */
    private static final class LongList extends AbstractList<Long> implements RandomAccess {
        private final long[] values;

        LongList(long[] values) {
            this.values = values;
        }

        @Override
        public Long get(int index) {
            return values[index];
        }

        @Override
        public int size() {
            return values.length;
        }
    }

    private void queued(int hour, int queued) {
        if (queued > hourlyPeakQueued[hour]) {
            hourlyPeakQueued[hour] = queued;
        }
    }

    /** The hour of {@code nowUs}; the last one is remembered, so that no division runs per request. */
    private int hour(long nowUs) {
        if (nowUs >= hourStartUs && nowUs < hourEndUs) {
            return hourIndex;
        }
        return enterHour(nowUs);
    }

    /** The hour of {@code nowUs}, once it has left the hour the last count fell in. */
    private int enterHour(long nowUs) {
        hourIndex = (int) (Math.min(nowUs, horizonUs - 1) / Durations.MICROS_PER_HOUR);
        hourStartUs = hourIndex * Durations.MICROS_PER_HOUR;
        hourEndUs = Math.min(hourStartUs + Durations.MICROS_PER_HOUR, horizonUs);
        if (nowUs >= horizonUs) {
            hourEndUs = Long.MAX_VALUE;
        }
        return hourIndex;
    }
}
