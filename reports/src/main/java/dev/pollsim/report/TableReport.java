package dev.pollsim.report;

import dev.pollsim.sim.metrics.LatencySummary;
import dev.pollsim.sim.metrics.PolicyResult;
import dev.pollsim.sim.run.RunReport;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The terminal form of a run: one aligned row per policy with units in the header, the best
 * (lowest) value of each cost column marked with {@code *}. Formatted with {@link Locale#ROOT}.
 */
public final class TableReport {

    private static final String BEST = "*";
    private static final String NONE = "-";

    private static final List<Column> COLUMNS = List.of(
            new Column("req/day", PolicyResult::requestsPerDay, v -> String.format(Locale.ROOT, "%,.0f", v)),
            new Column("empty %", r -> 100 * r.emptyPollFraction(), v -> String.format(Locale.ROOT, "%.1f", v)),
            latency("wake mean (s)", w -> w.meanUs()),
            latency("p50 (s)", w -> w.p50Us()),
            latency("p90 (s)", w -> w.p90Us()),
            latency("p99 (s)", w -> w.p99Us()),
            latency("p99.9 (s)", w -> w.p999Us()),
            latency("max (s)", w -> w.maxUs()),
            new Column("stranded", r -> r.jobs().stranded(), v -> String.format(Locale.ROOT, "%,.0f", v)));

    /** The report as text, ending in a newline. */
    public String render(RunReport report) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "scenario %s · seed %d · %d day%s · %d daemon%s%n",
                report.scenario(), report.seed(), report.days(), report.days() == 1 ? "" : "s",
                report.daemons(), report.daemons() == 1 ? "" : "s"));
        if (!report.results().isEmpty()) {
            var jobs = report.results().get(0).jobs();
            b.append(String.format(Locale.ROOT, "jobs arrived %,d%n%n", jobs.arrived()));
        }
        String[] header = new String[COLUMNS.size() + 1];
        header[0] = "policy";
        for (int c = 0; c < COLUMNS.size(); c++) {
            header[c + 1] = COLUMNS.get(c).header;
        }
        TextTable table = new TextTable(header);
        boolean mark = report.results().size() > 1;
        for (PolicyResult r : report.results()) {
            String[] cells = new String[header.length];
            cells[0] = r.label();
            for (int c = 0; c < COLUMNS.size(); c++) {
                Column col = COLUMNS.get(c);
                double v = col.value.applyAsDouble(r);
                if (Double.isNaN(v)) {
                    cells[c + 1] = NONE + " ";
                    continue;
                }
                String text = col.format.apply(v);
                boolean best = mark && report.results().stream()
                        .mapToDouble(col.value)
                        .allMatch(o -> Double.isNaN(o) || o >= v || col.format.apply(o).equals(text));
                cells[c + 1] = best ? text + BEST : text + " ";
            }
            table.row(cells);
        }
        b.append(table.render());
        if (mark) {
            b.append("\n").append(BEST).append(" best (lowest) in its column; ").append(NONE)
                    .append(" no job picked up\n");
        }
        return b.toString();
    }

    private static Column latency(String header, ToDoubleFunction<LatencySummary> micros) {
        return new Column(header,
                r -> r.wakeLatency().count() == 0 ? Double.NaN : micros.applyAsDouble(r.wakeLatency()) / 1e6,
                TableReport::seconds);
    }

    private static String seconds(double s) {
        if (s < 100) {
            return String.format(Locale.ROOT, "%.2f", s);
        }
        if (s < 1000) {
            return String.format(Locale.ROOT, "%.1f", s);
        }
        return String.format(Locale.ROOT, "%,.0f", s);
    }

    private record Column(
            String header, ToDoubleFunction<PolicyResult> value, java.util.function.DoubleFunction<String> format) {}
}
