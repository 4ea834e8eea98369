package dev.pollsim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pollsim.policy.param.Durations;
import dev.pollsim.sim.trace.TimestampFormat;
import dev.pollsim.sim.trace.TraceStats;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * {@code pollsim trace stats} as text or JSON. JSON field names are a public contract: fields may
 * be added, never renamed or removed. Times are ISO-8601 UTC; durations are exact milliseconds
 * except gap percentiles (within 0.1%); rates are rounded half-even to three decimals.
 *
 * <pre>
 * {file, rows, rowsKept, arrivals, first, last, spanMs, ratePerHourOfDay[24], arrivalsByHourOfDay[24],
 *  gapsMs {p50, p90, p99, max}, gapClasses [{gap, count, timeMs}],
 *  equalTimestamps {arrivals, instants, largestGroup}}
 * </pre>
 */
public final class TraceStatsReport {

    private final ObjectMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** The statistics as a JSON document, ending in a newline. */
    public String json(String file, TraceStats s) {
        ObjectNode root = mapper.createObjectNode();
        root.put("file", file);
        root.put("rows", s.rowsRead());
        root.put("rowsKept", s.rowsKept());
        root.put("arrivals", s.arrivals());
        root.put("first", s.arrivals() == 0 ? null : TimestampFormat.ISO.format(s.firstUs()));
        root.put("last", s.arrivals() == 0 ? null : TimestampFormat.ISO.format(s.lastUs()));
        root.put("spanMs", Units.millis(s.spanUs()));
        ArrayNode rate = root.putArray("ratePerHourOfDay");
        for (double r : s.ratePerHour()) {
            rate.add(Units.round(r, 3));
        }
        ArrayNode byHour = root.putArray("arrivalsByHourOfDay");
        for (long n : s.byHour()) {
            byHour.add(n);
        }
        ObjectNode gaps = root.putObject("gapsMs");
        gaps.put("p50", Units.millis(s.gapPercentileUs(50)));
        gaps.put("p90", Units.millis(s.gapPercentileUs(90)));
        gaps.put("p99", Units.millis(s.gapPercentileUs(99)));
        gaps.put("max", Units.millis(s.maxGapUs()));
        ArrayNode classes = root.putArray("gapClasses");
        long[] counts = s.gapCounts();
        long[] time = s.gapTimeUs();
        for (int c = 0; c < counts.length; c++) {
            ObjectNode g = classes.addObject();
            g.put("gap", TraceStats.GAP_CLASSES.get(c));
            g.put("count", counts[c]);
            g.put("timeMs", Units.millis(time[c]));
        }
        ObjectNode equal = root.putObject("equalTimestamps");
        equal.put("arrivals", s.equalTimestamps());
        equal.put("instants", s.sharedInstants());
        equal.put("largestGroup", s.largestGroup());
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The statistics as text for a terminal. */
    public String text(String file, TraceStats s) {
        StringBuilder b = new StringBuilder();
        b.append("trace ").append(file).append('\n');
        b.append(String.format(Locale.ROOT, "rows %,d · kept %,d · arrivals %,d\n", s.rowsRead(), s.rowsKept(),
                s.arrivals()));
        if (s.arrivals() == 0) {
            return b.toString();
        }
        b.append("first ").append(TimestampFormat.ISO.format(s.firstUs()))
                .append(" · last ").append(TimestampFormat.ISO.format(s.lastUs()))
                .append(" · span ").append(span(s.spanUs())).append("\n\n");
        TextTable hours = new TextTable("hour (UTC)", "arrivals", "per hour");
        long[] byHour = s.byHour();
        double[] rate = s.ratePerHour();
        for (int h = 0; h < byHour.length; h++) {
            hours.row(String.format(Locale.ROOT, "%02d", h), String.format(Locale.ROOT, "%,d", byHour[h]),
                    Units.round(rate[h], 3).toPlainString());
        }
        b.append(hours.render()).append('\n');
        TextTable gaps = new TextTable("idle gap", "gaps", "share of span");
        long[] counts = s.gapCounts();
        long[] time = s.gapTimeUs();
        for (int c = 0; c < counts.length; c++) {
            double share = s.spanUs() == 0 ? 0 : 100.0 * time[c] / s.spanUs();
            gaps.row(TraceStats.GAP_CLASSES.get(c), String.format(Locale.ROOT, "%,d", counts[c]),
                    String.format(Locale.ROOT, "%.1f %%", share));
        }
        b.append(gaps.render());
        b.append(String.format(Locale.ROOT, "gap p50 %s · p90 %s · p99 %s · max %s\n",
                span(s.gapPercentileUs(50)), span(s.gapPercentileUs(90)), span(s.gapPercentileUs(99)),
                span(s.maxGapUs())));
        b.append(String.format(Locale.ROOT, "equal timestamps: %,d arrivals share an instant with the one before"
                + " (%,d instants, at most %,d at once)\n", s.equalTimestamps(), s.sharedInstants(), s.largestGroup()));
        return b.toString();
    }

    private static String span(long micros) {
        if (micros >= Durations.MICROS_PER_HOUR) {
            return String.format(Locale.ROOT, "%.1fh", micros / (double) Durations.MICROS_PER_HOUR);
        }
        if (micros >= Durations.MICROS_PER_MINUTE) {
            return String.format(Locale.ROOT, "%.1fm", micros / (double) Durations.MICROS_PER_MINUTE);
        }
        return Units.round(micros / (double) Durations.MICROS_PER_SECOND, 3).toPlainString() + "s";
    }
}
