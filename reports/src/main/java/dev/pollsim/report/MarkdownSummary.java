package dev.pollsim.report;

import dev.pollsim.sim.metrics.PolicyResult;
import dev.pollsim.sim.run.RunReport;
import java.util.Locale;

/**
 * A run as Markdown to paste into a design review: the scenario, seed and version, one row per
 * policy with a unit in every header and the best value of each column in bold
 * ({@link Comparison} says which), and every policy's parameters. The same report and version
 * always give the same bytes; numbers are formatted with {@link Locale#ROOT}.
 */
public final class MarkdownSummary {

    /**
     * The summary, ending in a newline.
     *
     * @param version the pollsim version that made the run, written into the summary
     */
    public String render(RunReport report, String version) {
        StringBuilder b = new StringBuilder();
        b.append("# pollsim: scenario ").append(code(report.scenario())).append("\n\n");
        b.append("| scenario | seed | days | daemons | jobs arrived | pollsim |\n");
        b.append("|---|--:|--:|--:|--:|---|\n");
        long arrived = report.results().isEmpty() ? 0 : report.results().get(0).jobs().arrived();
        b.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %,d | %s |\n", code(report.scenario()),
                report.seed(), report.days(), report.daemons(), arrived, escape(version)));
        for (String w : report.warnings()) {
            b.append("\n> **Warning:** ").append(w).append(".\n");
        }
        b.append("\n## Requests per day against wake latency\n\n");
        Comparison c = Comparison.of(report);
        b.append("| policy |");
        c.headers().forEach(h -> b.append(' ').append(escape(h)).append(" |"));
        b.append("\n|---|");
        c.headers().forEach(h -> b.append("--:|"));
        b.append('\n');
        for (Comparison.Row row : c.rows()) {
            b.append("| ").append(code(row.label())).append(" |");
            for (Comparison.Cell cell : row.cells()) {
                b.append(' ').append(cell.best() ? "**" + cell.text() + "**" : cell.text()).append(" |");
            }
            b.append('\n');
        }
        b.append('\n');
        if (c.marked()) {
            b.append("**Bold**: ").append(c.markMeaning()).append(". ");
        }
        b.append("`-`: no job picked up. Requests are upstream requests per simulated day, over the whole fleet;"
                + " wake latency runs from a job becoming visible (enqueued, or its retry due) to its pickup.\n");
        b.append("\n## Policies\n\n| policy | policy name | parameters |\n|---|---|---|\n");
        for (PolicyResult r : report.results()) {
            StringBuilder params = new StringBuilder();
            r.params().forEach((k, v) -> params.append(params.length() == 0 ? "" : " ").append(k).append('=').append(v));
            b.append("| ").append(code(r.label())).append(" | ").append(code(r.policy())).append(" | ")
                    .append(params.length() == 0 ? "(none)" : code(params.toString())).append(" |\n");
        }
        return b.toString();
    }

    private static String code(String text) {
        return "`" + escape(text) + "`";
    }

    /** Keeps a table cell one cell. */
    private static String escape(String text) {
        return text.replace("|", "\\|");
    }
}
