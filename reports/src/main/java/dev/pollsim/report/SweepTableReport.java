package dev.pollsim.report;

import dev.pollsim.sim.sweep.PointResult;
import dev.pollsim.sim.sweep.SweepPoint;
import dev.pollsim.sim.sweep.SweepResult;
import java.util.List;
import java.util.Locale;

/**
 * The terminal form of a sweep: per scenario, one row per point (policy and grid values,
 * replications, each metric as {@code mean ± half-width}), then the trade-off frontier of
 * requests per day against p99 wake latency with the {@code oracle} bound beside it, and one
 * re-run command. Formatted with {@link Locale#ROOT}.
 */
public final class SweepTableReport {

    /** A column: header, metric, and the factor from its JSON unit to the shown one. */
    private record Column(String header, String metric, double scale) {}

    private static final double MS_TO_S = 1e-3;

    private static final List<Column> COLUMNS = List.of(
            new Column("req/day", "requestsPerDay", 1),
            new Column("wake mean (s)", "wakeLatencyMs.mean", MS_TO_S),
            new Column("p50 (s)", "wakeLatencyMs.p50", MS_TO_S),
            new Column("p99 (s)", "wakeLatencyMs.p99", MS_TO_S),
            new Column("max (s)", "wakeLatencyMs.max", MS_TO_S),
            new Column("stranded", "jobs.stranded", 1));

    /** The sweep as text, ending in a newline. */
    public String render(SweepResult sweep) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "sweep · %d point%s · %s\n", sweep.points().size(),
                sweep.points().size() == 1 ? "" : "s", SweepFormat.replications(sweep.replications())));
        var frontiers = sweep.frontiers();
        for (String scenario : sweep.scenarios()) {
            List<PointResult> mine = sweep.points().stream()
                    .filter(p -> p.point().scenarioName().equals(scenario)).toList();
            SweepPoint first = mine.get(0).point();
            b.append(String.format(Locale.ROOT, "\nscenario %s · seed %d · %d day%s · %d daemon%s\n\n", scenario,
                    first.baseSeed(), first.days(), first.days() == 1 ? "" : "s", first.daemons(),
                    first.daemons() == 1 ? "" : "s"));
            TextTable points = new TextTable(pointHeaders());
            for (PointResult p : mine) {
                points.row(pointRow(p));
            }
            b.append(points.render());
            b.append(String.format(Locale.ROOT, "\nfrontier · requests/day against p99 wake latency (means)\n\n"));
            TextTable frontier = new TextTable(FRONTIER_HEADERS.toArray(String[]::new));
            for (int index : frontiers.get(scenario)) {
                frontier.row(frontierRow(sweep.points().get(index), false));
            }
            for (PointResult p : sweep.lowerBounds(scenario)) {
                frontier.row(frontierRow(p, true));
            }
            b.append(frontier.render());
        }
        b.append('\n').append(SweepFormat.FOOTNOTE).append('\n');
        PointResult example = sweep.points().get(0);
        b.append("Each cell re-runs alone (--format json lists every cell's seed and command), e.g.\n  ")
                .append(example.cell(0).command()).append('\n');
        return b.toString();
    }

    /** The headers of the frontier table. */
    static final List<String> FRONTIER_HEADERS = List.of("point", "req/day", "p99 (s)", "stranded");

    /** The headers of the table of points: the point, its replications, each metric. */
    static String[] pointHeaders() {
        String[] header = new String[COLUMNS.size() + 2];
        header[0] = "point";
        header[1] = "reps";
        for (int i = 0; i < COLUMNS.size(); i++) {
            header[i + 2] = COLUMNS.get(i).header();
        }
        return header;
    }

    /** A point's row in the table of points, each metric as {@code mean ± half-width}. */
    static String[] pointRow(PointResult p) {
        String[] cells = new String[COLUMNS.size() + 2];
        cells[0] = name(p.point());
        cells[1] = Integer.toString(p.replications());
        for (int i = 0; i < COLUMNS.size(); i++) {
            cells[i + 2] = cell(p, COLUMNS.get(i));
        }
        return cells;
    }

    /** A point's row in the frontier table; {@code bound} for the {@code oracle} lower bound. */
    static String[] frontierRow(PointResult p, boolean bound) {
        return new String[] {name(p.point()) + (bound ? " (lower bound)" : ""), cell(p, COLUMNS.get(0)),
            cell(p, COLUMNS.get(3)), cell(p, COLUMNS.get(5))};
    }

    private static String cell(PointResult p, Column c) {
        return SweepFormat.text(p.estimate(c.metric()), c.scale());
    }

    /** {@code #3 exp-idle cap=1m multiplier=2}. */
    static String name(SweepPoint p) {
        String grid = p.gridText();
        return "#" + p.index() + " " + p.label() + (grid.isEmpty() ? "" : " " + grid);
    }
}
