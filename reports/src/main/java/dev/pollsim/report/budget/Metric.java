package dev.pollsim.report.budget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * What a rule limits: a metric of one policy's result, read from the documented JSON of a run
 * ({@code pollsim run --format json}), so that a fresh run and a baseline file are read the same
 * way and a budget means exactly the number users see. Every metric is a cost: lower is better.
 */
public enum Metric {

    /** Upstream requests per simulated day, over the fleet. */
    REQUESTS_PER_DAY("requestsPerDay", "requestsPerDay", Unit.REQUESTS),
    /** Requests per simulated day of the busiest daemon. */
    REQUESTS_PER_DAEMON_PER_DAY("requestsPerDaemonPerDay", "requestsPerDaemonPerDay", Unit.REQUESTS,
            Metric::busiest),
    WAKE_LATENCY_MEAN("wakeLatency.mean", "wakeLatencyMs.mean", Unit.MILLIS),
    WAKE_LATENCY_P50("wakeLatency.p50", "wakeLatencyMs.p50", Unit.MILLIS),
    WAKE_LATENCY_P90("wakeLatency.p90", "wakeLatencyMs.p90", Unit.MILLIS),
    WAKE_LATENCY_P99("wakeLatency.p99", "wakeLatencyMs.p99", Unit.MILLIS),
    WAKE_LATENCY_P999("wakeLatency.p999", "wakeLatencyMs.p999", Unit.MILLIS),
    WAKE_LATENCY_MAX("wakeLatency.max", "wakeLatencyMs.max", Unit.MILLIS),
    /** Jobs still queued at the end of the run. */
    STRANDED("stranded", "jobs.stranded", Unit.COUNT),
    /** Billed warm compute hours per simulated day. */
    WARM_HOURS_PER_DAY("warmHoursPerDay", "upstream.warmHoursPerDay", Unit.HOURS),
    /** Ticks answered 429 over the whole run. */
    RATE_LIMITED("rateLimited", "upstream.rateLimited", Unit.COUNT);

    private final String key;
    private final String jsonPath;
    private final Unit unit;
    private final UnaryOperator<JsonNode> derive;

    Metric(String key, String jsonPath, Unit unit) {
        this(key, jsonPath, unit, UnaryOperator.identity());
    }

    Metric(String key, String jsonPath, Unit unit, UnaryOperator<JsonNode> derive) {
        this.key = key;
        this.jsonPath = jsonPath;
        this.unit = unit;
        this.derive = derive;
    }

    /** The name of the rule in budgets files and reports: {@code wakeLatency.p99}. */
    public String key() {
        return key;
    }

    /** Where the metric is in a result of the run JSON: {@code wakeLatencyMs.p99}. */
    public String jsonPath() {
        return jsonPath;
    }

    public Unit unit() {
        return unit;
    }

    /**
     * The metric in one element of the run JSON's {@code results}: a {@link JsonNode#isNumber()
     * number} in the JSON's unit (milliseconds for latencies), a null node when the run has no
     * value (no job picked up), or a missing node when the JSON lacks the field.
     */
    public JsonNode read(JsonNode result) {
        JsonNode node = result;
        for (String part : jsonPath.split("\\.")) {
            node = node.path(part);
        }
        if (node.isMissingNode() || node.isNull()) {
            return node;
        }
        JsonNode value = derive.apply(node);
        return value.isNumber() || value.isNull() ? value : MissingNode.getInstance();
    }

    /** The metric as an exact decimal, or {@code null} when {@link #read} found no number. */
    public BigDecimal decimal(JsonNode result) {
        JsonNode n = read(result);
        return n.isNumber() ? plain(n.decimalValue()) : null;
    }

    /** A decimal without trailing zeros and never in exponent form: {@code 800}, not {@code 8E+2}. */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal s = value.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** The largest value of the per-daemon array; null with no daemon. */
    private static JsonNode busiest(JsonNode perDaemon) {
        if (!perDaemon.isArray()) {
            return MissingNode.getInstance();
        }
        BigDecimal max = null;
        for (JsonNode d : perDaemon) {
            if (!d.isNumber()) {
                return MissingNode.getInstance();
            }
            max = max == null || d.decimalValue().compareTo(max) > 0 ? d.decimalValue() : max;
        }
        return max == null ? NullNode.getInstance() : DecimalNode.valueOf(max);
    }

    /**
     * How a metric's values and limits read: in the units users think in, with {@link Locale#ROOT}
     * digits, rounded half-even.
     */
    public enum Unit {
        /** Requests per day: {@code 9,535.7}. */
        REQUESTS,
        /** Milliseconds, shown as seconds ({@code 71.04s}) or, below one second, as {@code 250ms}. */
        MILLIS,
        /** Hours per day: {@code 4.89}. */
        HOURS,
        /** A count: {@code 1,255}. */
        COUNT;

        /** The value as shown in reports. */
        public String format(BigDecimal value) {
            switch (this) {
                case REQUESTS:
                    return pattern("#,##0.#", value);
                case MILLIS:
                    if (value.signum() != 0 && value.compareTo(BigDecimal.valueOf(1000)) < 0) {
                        return pattern("#,##0.#", value) + "ms";
                    }
                    return pattern("#,##0.##", value.movePointLeft(3)) + "s";
                case HOURS:
                    return pattern("#,##0.##", value);
                default:
                    return pattern("#,##0", value);
            }
        }

        private static String pattern(String pattern, BigDecimal value) {
            DecimalFormat f = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
            f.setRoundingMode(RoundingMode.HALF_EVEN);
            return f.format(value);
        }
    }
}
