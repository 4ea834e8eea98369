package dev.pollsim.report;

import dev.pollsim.report.html.HtmlReport;
import dev.pollsim.report.markup.Markup;
import dev.pollsim.report.sweep.FrontierChart;
import dev.pollsim.sim.sweep.PointResult;
import dev.pollsim.sim.sweep.SweepPoint;
import dev.pollsim.sim.sweep.SweepResult;
import java.util.List;
import java.util.Locale;

/**
 * A sweep as one HTML page for a design review: per scenario, the trade-off chart inline as SVG,
 * the Pareto frontier of requests per day against p99 wake latency with the {@code oracle} bound
 * beside it, and every point with its intervals; the command that re-runs a cell alone. Styled
 * as the run report, self-contained, no date: the same sweep gives the same bytes.
 */
public final class SweepHtmlReport {

    /** The page, ending in a newline. */
    public String render(SweepResult sweep, String version) {
        FrontierChart charts = new FrontierChart();
        StringBuilder b = new StringBuilder(64 * 1024);
        b.append(HtmlReport.head("pollsim sweep: " + String.join(", ", sweep.scenarios()), version));
        b.append("<header>\n<h1>pollsim sweep</h1>\n").append(String.format(Locale.ROOT,
                "<p>%d point%s · %s. Every point ran the same seeds per replication; each metric is its mean over"
                        + " the replications with the 95%% confidence half-width.</p>\n</header>\n",
                sweep.points().size(), sweep.points().size() == 1 ? "" : "s",
                Markup.escape(SweepFormat.replications(sweep.replications()))));
        var frontiers = sweep.frontiers();
        for (String scenario : sweep.scenarios()) {
            List<PointResult> mine = sweep.points().stream()
                    .filter(p -> p.point().scenarioName().equals(scenario)).toList();
            SweepPoint first = mine.get(0).point();
            String id = FrontierChart.stem(scenario);
            b.append("<section id=\"").append(Markup.escape(id)).append("\">\n<h2>scenario <code>")
                    .append(Markup.escape(scenario)).append("</code></h2>\n")
                    .append(String.format(Locale.ROOT, "<p class=\"note\">seed %d · %d day%s · %d daemon%s</p>\n",
                            first.baseSeed(), first.days(), first.days() == 1 ? "" : "s", first.daemons(),
                            first.daemons() == 1 ? "" : "s"))
                    .append("<p>Every point in grey, the frontier (no other point has both fewer requests and a")
                    .append(" shorter p99) joined in blue, the <code>oracle</code> lower bound in red: no policy")
                    .append(" can wake faster for fewer requests.</p>\n<figure>\n")
                    .append(charts.svgElement(charts.chart(sweep, scenario), id))
                    .append("\n<figcaption>Also as <a href=\"").append(Markup.escape(id)).append(".svg\">")
                    .append(Markup.escape(id)).append(".svg</a> and <a href=\"").append(Markup.escape(id))
                    .append(".png\">").append(Markup.escape(id)).append(".png</a>.</figcaption>\n</figure>\n");
            b.append("<h3>Frontier: requests per day against p99 wake latency (means)</h3>\n");
            table(b, SweepTableReport.FRONTIER_HEADERS.toArray(String[]::new));
            for (int index : frontiers.get(scenario)) {
                row(b, SweepTableReport.frontierRow(sweep.points().get(index), false));
            }
            for (PointResult p : sweep.lowerBounds(scenario)) {
                row(b, SweepTableReport.frontierRow(p, true));
            }
            b.append("</table>\n</div>\n<h3>Every point</h3>\n");
            table(b, SweepTableReport.pointHeaders());
            for (PointResult p : mine) {
                row(b, SweepTableReport.pointRow(p));
            }
            b.append("</table>\n</div>\n</section>\n");
        }
        b.append("<p class=\"note\">").append(Markup.escape(SweepFormat.FOOTNOTE)).append("</p>\n")
                .append("<p>Each cell re-runs alone (<code>pollsim sweep --format json</code> lists every cell's seed")
                .append(" and command), for example:</p>\n<pre><code>")
                .append(Markup.escape(sweep.points().get(0).cell(0).command())).append("</code></pre>\n");
        b.append("<footer>pollsim ").append(Markup.escape(version)).append("</footer>\n</body>\n</html>\n");
        return b.toString();
    }

    private static void table(StringBuilder b, String[] headers) {
        b.append("<div class=\"wide\">\n<table>\n<tr>");
        for (String h : headers) {
            b.append("<th>").append(Markup.escape(h)).append("</th>");
        }
        b.append("</tr>\n");
    }

    private static void row(StringBuilder b, String[] cells) {
        b.append("<tr><td><code>").append(Markup.escape(cells[0])).append("</code></td>");
        for (int i = 1; i < cells.length; i++) {
            b.append("<td>").append(Markup.escape(cells[i])).append("</td>");
        }
        b.append("</tr>\n");
    }
}
