package dev.pollsim.report;

import dev.pollsim.sim.metrics.LatencySummary;
import dev.pollsim.sim.metrics.PolicyResult;
import dev.pollsim.sim.run.RunReport;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The terminal form of a run: one aligned row per policy with a unit in every header, the best
 * (lowest) value of each cost column marked with {@code *}. Only the policies that stranded the
 * fewest jobs compete for a mark: a policy that never picks a job up makes few requests, and
 * must not look best for it. Columns that only some scenarios make meaningful (time to start,
 * ramp, warm hours, 429s, retries) appear when a result has them. Formatted with
 * {@link Locale#ROOT}.
 */
public final class TableReport {

    private static final String BEST = "*";
    private static final String NONE = "-";

    private static final List<Column> COLUMNS = List.of(
            new Column("req/day", PolicyResult::requestsPerDay, TableReport::count, r -> true),
            new Column("empty %", r -> 100 * r.emptyPollFraction(), v -> String.format(Locale.ROOT, "%.1f", v), r -> true),
            latency("wake mean (s)", PolicyResult::wakeLatency, w -> w.meanUs()),
            latency("p50 (s)", PolicyResult::wakeLatency, w -> w.p50Us()),
            latency("p90 (s)", PolicyResult::wakeLatency, w -> w.p90Us()),
            latency("p99 (s)", PolicyResult::wakeLatency, w -> w.p99Us()),
            latency("p99.9 (s)", PolicyResult::wakeLatency, w -> w.p999Us()),
            latency("max (s)", PolicyResult::wakeLatency, w -> w.maxUs()),
            new Column("start p99 (s)", r -> r.timeToStart().count() == 0 ? Double.NaN : r.timeToStart().p99Us() / 1e6,
                    TableReport::seconds, r -> r.timeToStart().maxUs() != r.wakeLatency().maxUs()
                            || r.timeToStart().p99Us() != r.wakeLatency().p99Us()),
            new Column("ramp (s)", r -> r.rampTimeUs() < 0 ? Double.NaN : r.rampTimeUs() / 1e6, TableReport::seconds,
                    r -> r.rampTimeUs() >= 0),
            new Column("warm h/day", PolicyResult::warmHoursPerDay, v -> String.format(Locale.ROOT, "%.2f", v),
                    r -> r.upstream().warmUs() > 0),
            new Column("cold/day", PolicyResult::coldStartsPerDay, v -> String.format(Locale.ROOT, "%.1f", v),
                    r -> r.upstream().coldStarts() > 0),
            new Column("429s (req)", r -> r.upstream().rateLimited(), TableReport::count,
                    r -> r.upstream().rateLimited() > 0),
            new Column("errors (req)", r -> r.upstream().serverErrors(), TableReport::count,
                    r -> r.upstream().serverErrors() > 0),
            new Column("retried (jobs)", r -> r.jobs().retried(), TableReport::count, r -> r.jobs().retried() > 0, false),
            new Column("failed (jobs)", r -> r.jobs().failed(), TableReport::count, r -> r.jobs().failed() > 0, false),
            new Column("stranded (jobs)", r -> r.jobs().stranded(), TableReport::count, r -> true));

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
        List<Column> columns = COLUMNS.stream()
                .filter(c -> report.results().stream().anyMatch(c.shown)).toList();
        String[] header = new String[columns.size() + 1];
        header[0] = "policy";
        for (int c = 0; c < columns.size(); c++) {
            header[c + 1] = columns.get(c).header;
        }
        TextTable table = new TextTable(header);
        boolean mark = report.results().size() > 1;
        long fewestStranded = report.results().stream().mapToLong(r -> r.jobs().stranded()).min().orElse(0);
        List<PolicyResult> contenders = report.results().stream()
                .filter(r -> r.jobs().stranded() == fewestStranded).toList();
        for (PolicyResult r : report.results()) {
            String[] cells = new String[header.length];
            cells[0] = r.label();
            for (int c = 0; c < columns.size(); c++) {
                Column col = columns.get(c);
                double v = col.value.applyAsDouble(r);
                if (Double.isNaN(v)) {
                    cells[c + 1] = NONE + " ";
                    continue;
                }
                String text = col.format.apply(v);
                boolean best = mark && col.ranked && contenders.contains(r) && contenders.stream()
                        .mapToDouble(col.value)
                        .allMatch(o -> Double.isNaN(o) || o >= v || col.format.apply(o).equals(text));
                cells[c + 1] = best ? text + BEST : text + " ";
            }
            table.row(cells);
        }
        b.append(table.render());
        if (mark) {
            b.append("\n").append(BEST).append(" best (lowest) in its column");
            if (contenders.size() < report.results().size()) {
                b.append(" among the policies that stranded the fewest jobs");
            }
            b.append("; ").append(NONE).append(" no job picked up\n");
        }
        return b.toString();
    }

    private static Column latency(String header, Function<PolicyResult, LatencySummary> of,
            ToDoubleFunction<LatencySummary> micros) {
        return new Column(header,
                r -> of.apply(r).count() == 0 ? Double.NaN : micros.applyAsDouble(of.apply(r)) / 1e6,
                TableReport::seconds, r -> true);
    }

    private static String count(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
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

    /**
     * A column: its header, value, format, whether a result makes it worth showing, and whether
     * lower is better (so its best value is marked).
     */
    private record Column(String header, ToDoubleFunction<PolicyResult> value, DoubleFunction<String> format,
            Predicate<PolicyResult> shown, boolean ranked) {
        Column(String header, ToDoubleFunction<PolicyResult> value, DoubleFunction<String> format,
                Predicate<PolicyResult> shown) {
            this(header, value, format, shown, true);
        }
    }
}
