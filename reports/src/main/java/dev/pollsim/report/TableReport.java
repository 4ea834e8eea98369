package dev.pollsim.report;

import dev.pollsim.sim.run.RunReport;
import java.util.Locale;

/**
 * The terminal form of a run: one aligned row per policy with a unit in every header, the best
 * value of each cost column marked with {@code *} ({@link Comparison} says which). Formatted
 * with {@link Locale#ROOT}.
 */
public final class TableReport {

    private static final String BEST = "*";

    /** The report as text, ending in a newline. */
    public String render(RunReport report) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "scenario %s · seed %d · %d day%s · %d daemon%s\n",
                report.scenario(), report.seed(), report.days(), report.days() == 1 ? "" : "s",
                report.daemons(), report.daemons() == 1 ? "" : "s"));
        if (!report.results().isEmpty()) {
            var jobs = report.results().get(0).jobs();
            b.append(String.format(Locale.ROOT, "jobs arrived %,d\n\n", jobs.arrived()));
        }
        Comparison c = Comparison.of(report);
        String[] header = new String[c.shortHeaders().size() + 1];
        header[0] = "policy";
        for (int i = 0; i < c.shortHeaders().size(); i++) {
            header[i + 1] = c.shortHeaders().get(i);
        }
        TextTable table = new TextTable(header);
        for (Comparison.Row row : c.rows()) {
            String[] cells = new String[header.length];
            cells[0] = row.label();
            for (int i = 0; i < row.cells().size(); i++) {
                Comparison.Cell cell = row.cells().get(i);
                cells[i + 1] = cell.text() + (cell.best() ? BEST : " ");
            }
            table.row(cells);
        }
        b.append(table.render());
        if (c.marked()) {
            b.append("\n").append(BEST).append(' ').append(c.markMeaning()).append("; - no job picked up\n");
        }
        return b.toString();
    }
}
