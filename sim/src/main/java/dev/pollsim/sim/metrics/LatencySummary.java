package dev.pollsim.sim.metrics;

/**
 * A latency distribution in microseconds. Mean and max are exact; percentiles come from an
 * HdrHistogram with three significant digits: at most 0.1% above the true value, and never above
 * the maximum.
 *
 * @param count how many values were recorded
 * @param meanUs exact mean
 * @param p50Us median
 * @param p90Us 90th percentile
 * @param p99Us 99th percentile
 * @param p999Us 99.9th percentile
 * @param maxUs exact maximum
 */
public record LatencySummary(
        long count, double meanUs, long p50Us, long p90Us, long p99Us, long p999Us, long maxUs) {

    /** Nothing recorded. */
    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0, 0);
}
