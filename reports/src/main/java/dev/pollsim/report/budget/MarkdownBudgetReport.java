package dev.pollsim.report.budget;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A check as GitHub-flavoured Markdown, for {@code $GITHUB_STEP_SUMMARY} or a pull request
 * comment: a one-line verdict, the broken rules with why, and a table of every rule marked ✅ or
 * ❌. Cells are escaped so that a label holding {@code |} or markup cannot break the table.
 */
public final class MarkdownBudgetReport {

    private static final String PASS = "✅";
    private static final String BROKEN = "❌";

    /** The report as Markdown, ending in a newline. */
    public String render(CheckReport report) {
        StringBuilder b = new StringBuilder();
        b.append("### ").append(report.passed() ? PASS : BROKEN).append(" pollsim ").append(report.summary()).append("\n\n");
        if (!report.passed()) {
            for (RuleResult r : report.broken()) {
                b.append("- **").append(cell(r.rule().name())).append("** (").append(r.verdict().text().toLowerCase(Locale.ROOT))
                        .append("): ").append(cell(Cells.why(r))).append('\n');
            }
            b.append('\n');
        }
        List<String> header = new ArrayList<>(List.of("", "scenario", "policy", "metric", "value", "limit", "margin"));
        List<String> align = new ArrayList<>(List.of(":-:", "---", "---", "---", "--:", "--:", "--:"));
        if (report.withBaseline()) {
            header.addAll(List.of("baseline", "change"));
            align.addAll(List.of("--:", "--:"));
        }
        header.add("note");
        align.add("---");
        row(b, header);
        row(b, align);
        for (ScenarioResult s : report.scenarios()) {
            for (RuleResult r : s.rules()) {
                List<String> cells = new ArrayList<>(List.of(r.verdict().broken() ? BROKEN : PASS, cell(s.scenario()),
                        cell(r.rule().label()), "`" + r.rule().metric().key() + "`", Cells.value(r),
                        Cells.limit(r.rule()), Cells.margin(r)));
                if (report.withBaseline()) {
                    cells.addAll(List.of(Cells.baseline(r), Cells.change(r)));
                }
                cells.add(cell(Cells.notes(r)));
                row(b, cells);
            }
        }
        b.append('\n');
        List<String> runs = new ArrayList<>();
        for (ScenarioResult s : report.scenarios()) {
            runs.add(String.format(Locale.ROOT, "%s (seed %d, %d day%s, %d daemon%s)", cell(s.scenario()), s.seed(),
                    s.days(), s.days() == 1 ? "" : "s", s.daemons(), s.daemons() == 1 ? "" : "s"));
        }
        b.append("Budgets `").append(report.budgets().replace("`", "'")).append("`; scenarios ")
                .append(String.join(", ", runs)).append(". Margin = (limit − value) / limit.\n");
        for (ScenarioResult s : report.scenarios()) {
            for (String n : s.notes()) {
                b.append("\n- ").append(cell(s.scenario())).append(": ").append(cell(n));
            }
        }
        if (report.scenarios().stream().anyMatch(s -> !s.notes().isEmpty())) {
            b.append('\n');
        }
        return b.toString();
    }

    private static void row(StringBuilder b, List<String> cells) {
        b.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    /** Text safe in a table cell: no line breaks, and Markdown's active characters escaped. */
    private static String cell(String text) {
        StringBuilder b = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '\n' || c == '\r') {
                b.append(' ');
            } else {
                if ("\\`*_[]<>|#~".indexOf(c) >= 0) {
                    b.append('\\');
                }
                b.append(c);
            }
        }
        return b.toString();
    }
}
