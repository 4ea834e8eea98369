package dev.pollsim.report;

import dev.pollsim.sim.metrics.LatencySummary;
import dev.pollsim.sim.metrics.PolicyResult;
import dev.pollsim.sim.run.RunReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * A run's policies compared column by column: the cells shared by the terminal table, the
 * Markdown summary and the HTML report. Every column has a unit in its header. The best (lowest)
 * value of each cost column is marked, among the policies that stranded the fewest jobs only: a
 * policy that never picks a job up makes few requests, and must not look best for it. The
 * {@code oracle} is a lower bound, not a candidate, so it is never marked either. Columns
 * that only some scenarios make meaningful (time to start, ramp, warm hours, 429s, retries)
 * appear when a result has them. Numbers are formatted with {@link Locale#ROOT}. Immutable.
 */
public final class Comparison {

    /** The policy name of the lower bound ({@code BuiltinPolicies}), which competes for no mark. */
    static final String LOWER_BOUND = "oracle";

    private static final List<Column> COLUMNS = List.of(
            new Column("req/day", "requests/day", PolicyResult::requestsPerDay, Comparison::count, r -> true),
            new Column("empty %", "empty polls (%)", r -> 100 * r.emptyPollFraction(),
                    v -> String.format(Locale.ROOT, "%.1f", v), r -> true),
            latency("wake mean (s)", "wake mean (s)", w -> w.meanUs()),
            latency("p50 (s)", "wake p50 (s)", w -> w.p50Us()),
            latency("p90 (s)", "wake p90 (s)", w -> w.p90Us()),
            latency("p99 (s)", "wake p99 (s)", w -> w.p99Us()),
            latency("p99.9 (s)", "wake p99.9 (s)", w -> w.p999Us()),
            latency("max (s)", "wake max (s)", w -> w.maxUs()),
            new Column("start p99 (s)", "start p99 (s)",
                    r -> r.timeToStart().count() == 0 ? Double.NaN : r.timeToStart().p99Us() / 1e6,
                    Comparison::seconds, r -> r.timeToStart().maxUs() != r.wakeLatency().maxUs()
                            || r.timeToStart().p99Us() != r.wakeLatency().p99Us()),
            new Column("ramp (s)", "ramp (s)", r -> r.rampTimeUs() < 0 ? Double.NaN : r.rampTimeUs() / 1e6,
                    Comparison::seconds, r -> r.rampTimeUs() >= 0),
            new Column("warm h/day", "warm hours/day", PolicyResult::warmHoursPerDay,
                    v -> String.format(Locale.ROOT, "%.2f", v), r -> r.upstream().warmUs() > 0),
            new Column("cold/day", "cold starts/day", PolicyResult::coldStartsPerDay,
                    v -> String.format(Locale.ROOT, "%.1f", v), r -> r.upstream().coldStarts() > 0),
            new Column("429s (req)", "429s (requests)", r -> r.upstream().rateLimited(), Comparison::count,
                    r -> r.upstream().rateLimited() > 0),
            new Column("errors (req)", "errors (requests)", r -> r.upstream().serverErrors(), Comparison::count,
                    r -> r.upstream().serverErrors() > 0),
            new Column("retried (jobs)", "retried (jobs)", r -> r.jobs().retried(), Comparison::count,
                    r -> r.jobs().retried() > 0, false),
            new Column("failed (jobs)", "failed (jobs)", r -> r.jobs().failed(), Comparison::count,
                    r -> r.jobs().failed() > 0, false),
            new Column("stranded (jobs)", "stranded (jobs)", r -> r.jobs().stranded(), Comparison::count, r -> true));

    /**
     * One value.
     *
     * @param text the number, formatted; {@code -} when there is none (no job picked up)
     * @param best whether it is the best of its column
     */
    public record Cell(String text, boolean best) {

        /** Whether the value is missing. */
        public boolean none() {
            return text.equals("-");
        }
    }

    /**
     * One policy's row.
     *
     * @param label the policy's label
     * @param cells one per {@link #headers()} column
     */
    public record Row(String label, List<Cell> cells) {

        public Row {
            cells = List.copyOf(cells);
        }
    }

    private final List<String> shortHeaders;
    private final List<String> headers;
    private final List<Row> rows;
    private final boolean marked;
    private final boolean strandingExcluded;
    private final boolean boundExcluded;

    private Comparison(List<String> shortHeaders, List<String> headers, List<Row> rows, boolean marked,
            boolean strandingExcluded, boolean boundExcluded) {
        this.shortHeaders = List.copyOf(shortHeaders);
        this.headers = List.copyOf(headers);
        this.rows = List.copyOf(rows);
        this.marked = marked;
        this.strandingExcluded = strandingExcluded;
        this.boundExcluded = boundExcluded;
    }

    /** The comparison of every policy of {@code report}. */
    public static Comparison of(RunReport report) {
        List<Column> columns = COLUMNS.stream()
                .filter(c -> report.results().stream().anyMatch(c.shown)).toList();
        boolean mark = report.results().size() > 1;
        List<PolicyResult> candidates = report.results().stream()
                .filter(r -> !r.policy().equals(LOWER_BOUND)).toList();
        long fewestStranded = candidates.stream().mapToLong(r -> r.jobs().stranded()).min().orElse(0);
        List<PolicyResult> contenders = candidates.stream()
                .filter(r -> r.jobs().stranded() == fewestStranded).toList();
        List<Row> rows = new ArrayList<>();
        for (PolicyResult r : report.results()) {
            List<Cell> cells = new ArrayList<>();
            for (Column col : columns) {
                double v = col.value.applyAsDouble(r);
                if (Double.isNaN(v)) {
                    cells.add(new Cell("-", false));
                    continue;
                }
                String text = col.format.apply(v);
                boolean best = mark && col.ranked && contenders.contains(r) && contenders.stream()
                        .mapToDouble(col.value)
                        .allMatch(o -> Double.isNaN(o) || o >= v || col.format.apply(o).equals(text));
                cells.add(new Cell(text, best));
            }
            rows.add(new Row(r.label(), cells));
        }
        return new Comparison(columns.stream().map(Column::shortHeader).toList(),
                columns.stream().map(Column::header).toList(), rows, mark,
                contenders.size() < candidates.size(), candidates.size() < report.results().size());
    }

    /** Column headers for a terminal, with units: {@code p99 (s)}. */
    public List<String> shortHeaders() {
        return shortHeaders;
    }

    /** Column headers for documents, with units: {@code wake p99 (s)}. */
    public List<String> headers() {
        return headers;
    }

    /** One row per policy, in the report's order. */
    public List<Row> rows() {
        return rows;
    }

    /** Whether best values are marked (more than one policy). */
    public boolean marked() {
        return marked;
    }

    /** What a mark means, as a sentence ending without a period. */
    public String markMeaning() {
        return "best (lowest) in its column"
                + (strandingExcluded ? " among the policies that stranded the fewest jobs" : "")
                + (boundExcluded ? ", the oracle (a lower bound) aside" : "");
    }

    private static Column latency(String shortHeader, String header, ToDoubleFunction<LatencySummary> micros) {
        return new Column(shortHeader, header,
                r -> r.wakeLatency().count() == 0 ? Double.NaN : micros.applyAsDouble(r.wakeLatency()) / 1e6,
                Comparison::seconds, r -> true);
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
     * A column: its headers, value, format, whether a result makes it worth showing, and whether
     * lower is better (so its best value is marked).
     */
    private record Column(String shortHeader, String header, ToDoubleFunction<PolicyResult> value,
            DoubleFunction<String> format, Predicate<PolicyResult> shown, boolean ranked) {
        Column(String shortHeader, String header, ToDoubleFunction<PolicyResult> value, DoubleFunction<String> format,
                Predicate<PolicyResult> shown) {
            this(shortHeader, header, value, format, shown, true);
        }
    }
}
