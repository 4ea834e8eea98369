package dev.pollsim.report.budget;

import dev.pollsim.report.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The terminal form of a check: per scenario, one aligned row per rule (value, limit, margin and,
 * with a baseline, the baseline's value and the change), then a verdict line and each broken
 * rule with why. Formatted with {@link Locale#ROOT}.
 */
public final class BudgetTable {

    /** The report as text, ending in a newline. */
    public String render(CheckReport report) {
        StringBuilder b = new StringBuilder();
        for (ScenarioResult s : report.scenarios()) {
            b.append(String.format(Locale.ROOT, "scenario %s · seed %d · %d day%s · %d daemon%s\n",
                    s.scenario(), s.seed(), s.days(), s.days() == 1 ? "" : "s", s.daemons(), s.daemons() == 1 ? "" : "s"));
            List<String> header = new ArrayList<>(List.of("policy", "metric", "value", "limit", "margin"));
            List<Boolean> right = new ArrayList<>(List.of(false, false, true, true, true));
            if (report.withBaseline()) {
                header.addAll(List.of("baseline", "change"));
                right.addAll(List.of(true, true));
            }
            header.addAll(List.of("verdict", "note"));
            right.addAll(List.of(false, false));
            boolean[] align = new boolean[right.size()];
            for (int i = 0; i < align.length; i++) {
                align[i] = right.get(i);
            }
            TextTable t = new TextTable(align, header.toArray(new String[0]));
            for (RuleResult r : s.rules()) {
                List<String> cells = new ArrayList<>(List.of(r.rule().label(), r.rule().metric().key(), Cells.value(r),
                        Cells.limit(r.rule()), Cells.margin(r)));
                if (report.withBaseline()) {
                    cells.addAll(List.of(Cells.baseline(r), Cells.change(r)));
                }
                cells.addAll(List.of(r.verdict().text(), Cells.notes(r)));
                t.row(cells.toArray(new String[0]));
            }
            b.append(t.render());
            s.notes().forEach(n -> b.append("note: ").append(n).append('\n'));
            b.append('\n');
        }
        b.append(report.summary()).append('\n');
        for (RuleResult r : report.broken()) {
            b.append("  ").append(r.rule().name()).append(": ").append(Cells.why(r)).append('\n');
        }
        return b.toString();
    }
}
