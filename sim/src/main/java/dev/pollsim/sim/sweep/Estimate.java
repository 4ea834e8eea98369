package dev.pollsim.sim.sweep;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * A metric's mean over replications with its 95% confidence half-width: {@code t(0.975, n-1) x
 * s / sqrt(n)}, Student's t with {@code n - 1} degrees of freedom and {@code s} the sample
 * standard deviation. With one value there is no interval ({@code halfWidth} is NaN); with none
 * the mean is NaN too. Values that are NaN (a latency with no pickup) are left out, so {@code n}
 * can be below the replications run. Immutable.
 *
 * @param mean the sample mean
 * @param halfWidth the 95% confidence half-width, NaN when {@code n < 2}
 * @param n how many values
 */
public record Estimate(double mean, double halfWidth, int n) {

    /** The confidence level of every interval. */
    public static final double CONFIDENCE = 0.95;

    /** No value at all. */
    public static final Estimate NONE = new Estimate(Double.NaN, Double.NaN, 0);

    /** The estimate of these values, in the given order (the sums are order-dependent in the last bit). */
    public static Estimate of(double... values) {
        SummaryStatistics stats = new SummaryStatistics();
        for (double v : values) {
            if (!Double.isNaN(v)) {
                stats.addValue(v);
            }
        }
        int n = (int) stats.getN();
        if (n == 0) {
            return NONE;
        }
        if (n == 1) {
            return new Estimate(stats.getMean(), Double.NaN, 1);
        }
        return new Estimate(stats.getMean(), tQuantile(n - 1) * stats.getStandardDeviation() / Math.sqrt(n), n);
    }

    /** {@code t(0.975, df)}: the two-sided 95% quantile of Student's t. */
    static double tQuantile(int degreesOfFreedom) {
        // No generator: only the quantile is asked for, never a sample.
        TDistribution t = new TDistribution(null, degreesOfFreedom);
        return t.inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
    }

    /** Whether there is an interval (two values or more). */
    public boolean hasInterval() {
        return n >= 2;
    }

    /**
     * The half-width relative to the mean's magnitude: 0 when the values are all equal (even all
     * zero), infinite when they differ around a zero mean, NaN without an interval.
     */
    public double relativeHalfWidth() {
        if (!hasInterval()) {
            return Double.NaN;
        }
        if (halfWidth == 0) {
            return 0;
        }
        return mean == 0 ? Double.POSITIVE_INFINITY : halfWidth / Math.abs(mean);
    }
}
