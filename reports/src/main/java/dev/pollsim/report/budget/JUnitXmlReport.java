package dev.pollsim.report.budget;

import dev.pollsim.report.markup.Markup;

import java.util.Locale;

/**
 * A check as JUnit XML, the report format CI systems display: a {@code testsuite} per scenario, a
 * {@code testcase} per rule named {@code scenario / label / metric} (class name {@code
 * scenario.label}), a {@code failure} carrying the value, limit and margin for each broken rule,
 * and every rule's numbers and notes in its {@code system-out}. Times are 0 and there is no
 * timestamp or host name, so the same check always gives the same bytes.
 */
public final class JUnitXmlReport {

    /** The report as an XML document, ending in a newline. */
    public String render(CheckReport report) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append(String.format(Locale.ROOT, "<testsuites name=\"pollsim check\" tests=\"%d\" failures=\"%d\" errors=\"0\" time=\"0\">\n",
                report.rules().size(), report.broken().size()));
        for (ScenarioResult s : report.scenarios()) {
            long failures = s.rules().stream().filter(r -> r.verdict().broken()).count();
            b.append(String.format(Locale.ROOT,
                    "  <testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"0\" time=\"0\">\n",
                    Markup.attribute(s.scenario()), s.rules().size(), failures));
            b.append("    <properties>\n");
            property(b, "budgets", report.budgets());
            property(b, "seed", Long.toString(s.seed()));
            property(b, "days", Integer.toString(s.days()));
            property(b, "daemons", Integer.toString(s.daemons()));
            for (String n : s.notes()) {
                property(b, "note", n);
            }
            b.append("    </properties>\n");
            for (RuleResult r : s.rules()) {
                testcase(b, r, report.withBaseline());
            }
            b.append("  </testsuite>\n");
        }
        return b.append("</testsuites>\n").toString();
    }

    private static void testcase(StringBuilder b, RuleResult r, boolean withBaseline) {
        Rule rule = r.rule();
        b.append("    <testcase classname=\"").append(Markup.attribute(rule.scenario() + "." + rule.label()))
                .append("\" name=\"").append(Markup.attribute(rule.name())).append("\" time=\"0\">\n");
        StringBuilder details = new StringBuilder();
        details.append("value: ").append(Cells.value(r)).append('\n');
        details.append("limit: ").append(Cells.limit(rule));
        if (rule.tolerance().percent().signum() != 0 && rule.limit().signum() != 0) {
            details.append(" (").append(rule.tolerance()).append(" tolerance: up to ")
                    .append(rule.metric().unit().format(rule.allowed())).append(')');
        }
        details.append('\n');
        details.append("margin: ").append(Cells.margin(r)).append('\n');
        if (withBaseline) {
            details.append("baseline: ").append(Cells.baseline(r));
            if (r.comparison() != null) {
                details.append(" (change ").append(Cells.change(r)).append(", at most +").append(rule.regression())
                        .append(')');
            }
            details.append('\n');
        }
        for (String n : r.notes()) {
            details.append("note: ").append(n).append('\n');
        }
        if (r.verdict().broken()) {
            b.append("      <failure type=\"").append(r.verdict() == Verdict.FAIL ? "budget" : "regression")
                    .append("\" message=\"").append(Markup.attribute(rule.metric().key() + " " + Cells.why(r))).append("\">")
                    .append(Markup.escape(details.toString())).append("</failure>\n");
        }
        b.append("      <system-out>").append(Markup.escape(details.toString())).append("</system-out>\n");
        b.append("    </testcase>\n");
    }

    private static void property(StringBuilder b, String name, String value) {
        b.append("      <property name=\"").append(Markup.attribute(name)).append("\" value=\"")
                .append(Markup.attribute(value)).append("\"/>\n");
    }
}
