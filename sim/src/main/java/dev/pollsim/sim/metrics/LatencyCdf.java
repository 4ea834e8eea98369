package dev.pollsim.sim.metrics;

import java.util.Arrays;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The whole distribution of a latency as a compact cumulative curve: point {@code i} says that a
 * fraction {@code fraction[i]} of the recorded values were at most {@code atMostUs[i]}. Bounds
 * rise strictly, fractions never fall, and the last fraction is 1. Points come from
 * HdrHistogram's percentile iteration with {@link #TICKS_PER_HALF_DISTANCE} steps per halving of
 * the distance to 100%, so the body is drawn in steps of 2.5% and the tail ever finer: at
 * most 20 points per factor of two in the count, fewer where values share a bucket. Each bound is the
 * upper end of its histogram bucket (at most 0.1% above the values in it), never above the exact
 * maximum; each fraction is exact for its bound. Empty when nothing was recorded. Immutable.
 *
 * @param atMostUs latency bounds in microseconds, rising
 * @param fraction share of values at or below each bound, never falling, ending at 1
 */
public record LatencyCdf(long[] atMostUs, double[] fraction) {

    /** Nothing recorded. */
    public static final LatencyCdf EMPTY = new LatencyCdf(new long[0], new double[0]);

    /** Percentile steps per halving of the distance to 100%. */
    public static final int TICKS_PER_HALF_DISTANCE = 20;

    public LatencyCdf {
        if (atMostUs.length != fraction.length) {
            throw new IllegalArgumentException("atMostUs and fraction differ in length");
        }
        atMostUs = atMostUs.clone();
        fraction = fraction.clone();
    }

    /**
     * The curve of a histogram.
     *
     * @param histogram the recorded values, in microseconds
     * @param maxUs the exact maximum, which caps every bucket bound
     */
    public static LatencyCdf of(Histogram histogram, long maxUs) {
        long total = histogram.getTotalCount();
        if (total == 0) {
            return EMPTY;
        }
        long[] at = new long[64];
        double[] frac = new double[64];
        int n = 0;
        for (HistogramIterationValue v : histogram.percentiles(TICKS_PER_HALF_DISTANCE)) {
            long bound = Math.min(v.getValueIteratedTo(), maxUs);
            double f = (double) v.getTotalCountToThisValue() / total;
            if (n > 0 && bound <= at[n - 1]) {
                // Several percentile levels fall in one bucket: keep its highest fraction.
                frac[n - 1] = Math.max(frac[n - 1], f);
                continue;
            }
            if (n == at.length) {
                at = Arrays.copyOf(at, n * 2);
                frac = Arrays.copyOf(frac, n * 2);
            }
            at[n] = bound;
            frac[n] = f;
            n++;
        }
        frac[n - 1] = 1.0;
        return new LatencyCdf(Arrays.copyOf(at, n), Arrays.copyOf(frac, n));
    }

    /** Number of points. */
    public int size() {
        return atMostUs.length;
    }

    @Override
    public long[] atMostUs() {
        return atMostUs.clone();
    }

    @Override
    public double[] fraction() {
        return fraction.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LatencyCdf
                && Arrays.equals(atMostUs, ((LatencyCdf) o).atMostUs)
                && Arrays.equals(fraction, ((LatencyCdf) o).fraction);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(atMostUs) * 31 + Arrays.hashCode(fraction);
    }

    @Override
    public String toString() {
        return "LatencyCdf[" + atMostUs.length + " points]";
    }
}
