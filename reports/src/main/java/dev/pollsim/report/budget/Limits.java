package dev.pollsim.report.budget;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.pollsim.sim.scenario.TimeSpan;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The limits written for one policy label; {@code null} means no rule, except for stranded jobs,
 * whose limit is 0 unless written.
 *
 * @param requestsPerDay most upstream requests per simulated day, over the fleet
 * @param requestsPerDaemonPerDay most requests per simulated day of the busiest daemon
 * @param wakeLatency most wake latency, by statistic
 * @param stranded most jobs still queued at the end of the run (default 0)
 * @param warmHoursPerDay most billed warm compute hours per simulated day
 * @param rateLimited most ticks answered 429 over the run
 * @param tolerance widens every limit of this label, instead of the entry's or the file's
 * @param regression with a baseline, the largest growth allowed, instead of the entry's or file's
 */
public record Limits(
        @JsonDeserialize(using = Readers.Amount.class) BigDecimal requestsPerDay,
        @JsonDeserialize(using = Readers.Amount.class) BigDecimal requestsPerDaemonPerDay,
        WakeLatency wakeLatency,
        @JsonDeserialize(using = Readers.Count.class) BigDecimal stranded,
        @JsonDeserialize(using = Readers.Amount.class) BigDecimal warmHoursPerDay,
        @JsonDeserialize(using = Readers.Count.class) BigDecimal rateLimited,
        Percent tolerance,
        Percent regression) {

    public Limits {
        stranded = stranded == null ? BigDecimal.ZERO : stranded;
    }

    /** Every limit written (and stranded), in the units of the run JSON, in {@link Metric} order. */
    public Map<Metric, BigDecimal> byMetric() {
        Map<Metric, BigDecimal> out = new EnumMap<>(Metric.class);
        put(out, Metric.REQUESTS_PER_DAY, requestsPerDay);
        put(out, Metric.REQUESTS_PER_DAEMON_PER_DAY, requestsPerDaemonPerDay);
        if (wakeLatency != null) {
            put(out, Metric.WAKE_LATENCY_MEAN, millis(wakeLatency.mean()));
            put(out, Metric.WAKE_LATENCY_P50, millis(wakeLatency.p50()));
            put(out, Metric.WAKE_LATENCY_P90, millis(wakeLatency.p90()));
            put(out, Metric.WAKE_LATENCY_P99, millis(wakeLatency.p99()));
            put(out, Metric.WAKE_LATENCY_P999, millis(wakeLatency.p999()));
            put(out, Metric.WAKE_LATENCY_MAX, millis(wakeLatency.max()));
        }
        put(out, Metric.STRANDED, stranded);
        put(out, Metric.WARM_HOURS_PER_DAY, warmHoursPerDay);
        put(out, Metric.RATE_LIMITED, rateLimited);
        return Collections.unmodifiableMap(out);
    }

    private static void put(Map<Metric, BigDecimal> into, Metric m, BigDecimal limit) {
        if (limit != null) {
            into.put(m, Metric.plain(limit));
        }
    }

    /** A duration in the run JSON's unit, milliseconds, exactly (microseconds are whole). */
    private static BigDecimal millis(TimeSpan t) {
        return t == null ? null : BigDecimal.valueOf(t.micros(), 3);
    }

    /**
     * Most wake latency (enqueue to pickup), by statistic, as durations.
     *
     * @param mean the mean
     * @param p50 the median
     * @param p90 the 90th percentile
     * @param p99 the 99th percentile
     * @param p999 the 99.9th percentile
     * @param max the longest wait
     */
    public record WakeLatency(
            @JsonDeserialize(using = Readers.Duration.class) TimeSpan mean,
            @JsonDeserialize(using = Readers.Duration.class) TimeSpan p50,
            @JsonDeserialize(using = Readers.Duration.class) TimeSpan p90,
            @JsonDeserialize(using = Readers.Duration.class) TimeSpan p99,
            @JsonDeserialize(using = Readers.Duration.class) TimeSpan p999,
            @JsonDeserialize(using = Readers.Duration.class) TimeSpan max) {}
}
