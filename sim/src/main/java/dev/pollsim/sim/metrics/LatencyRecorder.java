package dev.pollsim.sim.metrics;

import org.HdrHistogram.Histogram;

/**
 * Records every wake latency, in microseconds: an HdrHistogram (three significant digits) for
 * percentiles, plus an exact count, sum and maximum so that the mean and the maximum carry no
 * bucket error. Recording allocates nothing once the histogram has grown to the run's largest
 * value. NOT thread-safe.
 */
public final class LatencyRecorder {

    private static final int SIGNIFICANT_DIGITS = 3;

    private final Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);
    private long count;
    private long sumUs;
    private long maxUs;

    /** Records one latency; {@code micros >= 0}. */
    public void record(long micros) {
        histogram.recordValue(micros);
        count++;
        sumUs += micros;
        if (micros > maxUs) {
            maxUs = micros;
        }
    }

    public long count() {
        return count;
    }

    /** The summary of everything recorded so far. */
    public LatencySummary summary() {
        if (count == 0) {
            return LatencySummary.EMPTY;
        }
        return new LatencySummary(
                count,
                (double) sumUs / count,
                percentile(50),
                percentile(90),
                percentile(99),
                percentile(99.9),
                maxUs);
    }

    /** A percentile, never above the exact maximum (a bucket's upper bound can be). */
    private long percentile(double q) {
        return Math.min(histogram.getValueAtPercentile(q), maxUs);
    }

    /** Adds everything {@code other} recorded; the result does not depend on the order of adds. */
    public void add(LatencyRecorder other) {
        histogram.add(other.histogram);
        count += other.count;
        sumUs += other.sumUs;
        maxUs = Math.max(maxUs, other.maxUs);
    }

    /** The whole distribution as a compact cumulative curve, for charts. */
    public LatencyCdf cdf() {
        return count == 0 ? LatencyCdf.EMPTY : LatencyCdf.of(histogram, maxUs);
    }

    /** A copy of the histogram, for reports that draw the whole distribution. */
    public Histogram histogramCopy() {
        return histogram.copy();
    }
}
