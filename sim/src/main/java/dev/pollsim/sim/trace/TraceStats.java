package dev.pollsim.sim.trace;

import dev.pollsim.policy.param.Durations;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * What a trace holds, gathered from its arrivals on the trace's own clock (UTC, before any
 * offset or scale): how many, the span, arrivals by hour of day, the distribution of idle gaps
 * between consecutive arrivals, and arrivals sharing a timestamp. Constant memory: the gap
 * percentiles come from an HdrHistogram (3 significant digits); counts, sums and the maximum are
 * exact. NOT thread-safe.
 */
public final class TraceStats {

    /** Upper bounds (inclusive) of the gap classes, microseconds; the last class is unbounded. */
    public static final List<Long> GAP_BOUNDS_US = List.of(0L, Durations.MICROS_PER_SECOND,
            10 * Durations.MICROS_PER_SECOND, Durations.MICROS_PER_MINUTE, 2 * Durations.MICROS_PER_MINUTE,
            10 * Durations.MICROS_PER_MINUTE, Durations.MICROS_PER_HOUR, 6 * Durations.MICROS_PER_HOUR);
    /** Names of the gap classes, one more than the bounds. */
    public static final List<String> GAP_CLASSES = List.of("0 (equal)", "<= 1s", "1s-10s", "10s-1m", "1m-2m",
            "2m-10m", "10m-1h", "1h-6h", "> 6h");

    private static final int HOURS_PER_DAY = 24;
    private static final int SIGNIFICANT_DIGITS = 3;

    private final long[] byHour = new long[HOURS_PER_DAY];
    private final long[] gapCount = new long[GAP_CLASSES.size()];
    private final long[] gapSumUs = new long[GAP_CLASSES.size()];
    private final Histogram gaps = new Histogram(SIGNIFICANT_DIGITS);
    private long arrivals;
    private long firstUs;
    private long lastUs;
    private long maxGapUs;
    private long equal;
    private long equalInstants;
    private long run = 1;
    private long largestRun;
    private long rowsRead;
    private long rowsKept;

    /** Records the next arrival, at epoch microseconds {@code t}, not before the previous one. */
    public void add(long t) {
        if (arrivals == 0) {
            firstUs = t;
        } else {
            long gap = t - lastUs;
            if (gap < 0) {
                throw new IllegalArgumentException("arrivals must come in time order");
            }
            int c = 0;
            while (c < GAP_BOUNDS_US.size() && gap > GAP_BOUNDS_US.get(c)) {
                c++;
            }
            gapCount[c]++;
            gapSumUs[c] += gap;
            gaps.recordValue(gap);
            maxGapUs = Math.max(maxGapUs, gap);
            if (gap == 0) {
                equal++;
                if (run == 1) {
                    equalInstants++;
                }
                run++;
                largestRun = Math.max(largestRun, run);
            } else {
                run = 1;
            }
        }
        lastUs = t;
        arrivals++;
        byHour[(int) (Math.floorMod(t, Durations.MICROS_PER_DAY) / Durations.MICROS_PER_HOUR)]++;
    }

    /** Notes the rows the arrivals came from: read, and kept by the queue filter. */
    public void rows(long read, long kept) {
        this.rowsRead = read;
        this.rowsKept = kept;
    }

    /** Data rows of the file. */
    public long rowsRead() {
        return rowsRead;
    }

    /** Data rows the queue filter kept. */
    public long rowsKept() {
        return rowsKept;
    }

    public long arrivals() {
        return arrivals;
    }

    /** Epoch microseconds of the first arrival (0 when none). */
    public long firstUs() {
        return firstUs;
    }

    /** Epoch microseconds of the last arrival (0 when none). */
    public long lastUs() {
        return lastUs;
    }

    /** Last minus first arrival. */
    public long spanUs() {
        return lastUs - firstUs;
    }

    /** Arrivals in each hour of the day (UTC), 00 to 23. */
    public long[] byHour() {
        return byHour.clone();
    }

    /**
     * Mean arrivals per hour for each hour of the day: the arrivals of that hour divided by how
     * many hours of it the span from the first to the last arrival's hour touches.
     */
    public double[] ratePerHour() {
        long[] covered = new long[HOURS_PER_DAY];
        if (arrivals > 0) {
            long from = Math.floorDiv(firstUs, Durations.MICROS_PER_HOUR);
            long to = Math.floorDiv(lastUs, Durations.MICROS_PER_HOUR);
            long whole = (to - from + 1) / HOURS_PER_DAY;
            for (int h = 0; h < HOURS_PER_DAY; h++) {
                covered[h] = whole;
            }
            for (long hour = from + whole * HOURS_PER_DAY; hour <= to; hour++) {
                covered[Math.floorMod(hour, HOURS_PER_DAY)]++;
            }
        }
        double[] rate = new double[HOURS_PER_DAY];
        for (int h = 0; h < HOURS_PER_DAY; h++) {
            rate[h] = covered[h] == 0 ? 0 : (double) byHour[h] / covered[h];
        }
        return rate;
    }

    /** Gaps in each class of {@link #GAP_CLASSES}. */
    public long[] gapCounts() {
        return gapCount.clone();
    }

    /** Total time spent in the gaps of each class, microseconds. */
    public long[] gapTimeUs() {
        return gapSumUs.clone();
    }

    /** A percentile (0..100) of the gaps, microseconds, within 0.1%; 0 with fewer than 2 arrivals. */
    public long gapPercentileUs(double percentile) {
        return gaps.getTotalCount() == 0 ? 0 : gaps.getValueAtPercentile(percentile);
    }

    /** The longest gap, exact. */
    public long maxGapUs() {
        return maxGapUs;
    }

    /** Arrivals at the same timestamp as the one before. */
    public long equalTimestamps() {
        return equal;
    }

    /** Instants shared by two or more arrivals. */
    public long sharedInstants() {
        return equalInstants;
    }

    /** The most arrivals at one instant (1 when no timestamp repeats, 0 when empty). */
    public long largestGroup() {
        return arrivals == 0 ? 0 : Math.max(1, largestRun);
    }
}
