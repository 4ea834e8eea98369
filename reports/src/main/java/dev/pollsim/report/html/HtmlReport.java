package dev.pollsim.report.html;

import dev.pollsim.report.markup.Markup;

import dev.pollsim.report.Comparison;
import dev.pollsim.report.chart.PolicyPalette;
import dev.pollsim.sim.metrics.PolicyResult;
import dev.pollsim.sim.run.RunReport;
import java.util.List;
import java.util.Locale;

/**
 * The report of a run as one HTML page that needs nothing else to be read: the scenario, seed and
 * version, the comparison table, every chart inline as SVG with a note on reading it, and every
 * policy's parameters. No script, no font or style sheet from elsewhere, no date: the same run
 * and charts give the same bytes. Numbers are formatted with {@link Locale#ROOT}.
 */
public final class HtmlReport {

    /**
     * A chart as the page shows it.
     *
     * @param name the chart's file name without extension; its SVG and PNG files sit beside the page
     * @param title its title
     * @param howToRead a note on reading it
     * @param svgElement the {@code <svg>} element, drawn at its size and scaled by its view box
     */
    public record Chart(String name, String title, String howToRead, String svgElement) {}

    private static final String STYLE = String.join("\n",
            ":root { color-scheme: light; }",
            "body { margin: 0 auto; max-width: 1240px; padding: 24px; font: 16px/1.5 system-ui, -apple-system,"
                    + " 'Segoe UI', 'DejaVu Sans', sans-serif; color: #222; background: #fff; }",
            "h1 { font-size: 28px; margin: 0 0 8px; }",
            "h1 code { font-size: inherit; }",
            "h2 { font-size: 21px; margin: 36px 0 6px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }",
            "code { font: 14px/1.4 ui-monospace, 'DejaVu Sans Mono', monospace; }",
            "table { border-collapse: collapse; margin: 8px 0; font-variant-numeric: tabular-nums; }",
            "th, td { padding: 4px 10px; border-bottom: 1px solid #e4e4e4; text-align: right; white-space: nowrap; }",
            "th:first-child, td:first-child { text-align: left; }",
            "th { font-weight: 600; background: #f6f6f6; }",
            "td.best { font-weight: 700; }",
            ".wide { overflow-x: auto; }",
            ".swatch { display: inline-block; width: 12px; height: 12px; margin-right: 6px; vertical-align: -1px;"
                    + " border-radius: 2px; }",
            ".note { color: #555; font-size: 14px; }",
            ".warning { background: #fff4e5; border-left: 4px solid #b35900; padding: 6px 10px; }",
            "figure { margin: 8px 0 0; }",
            "figure svg { display: block; width: 100%; height: auto; border: 1px solid #e4e4e4; }",
            "figcaption { color: #555; font-size: 14px; margin-top: 4px; }",
            "nav ol { columns: 2; padding-left: 20px; }",
            "footer { margin-top: 40px; color: #555; font-size: 14px; }",
            "@media print { body { max-width: none; padding: 0; } section { break-inside: avoid; }"
                    + " nav { display: none; } }");

    /**
     * The start of a page in this report's style, up to and including {@code <body>}: for other
     * pages that should look the same.
     *
     * @param title the page title, unescaped
     * @param version the pollsim version that made the page
     */
    public static String head(String title, String version) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"generator\" content=\"pollsim " + Markup.escape(version) + "\">\n"
                + "<link rel=\"icon\" href=\"data:,\">\n"
                + "<title>" + Markup.escape(title) + "</title>\n"
                + "<style>\n" + STYLE + "\n</style>\n</head>\n<body>\n";
    }

    /**
     * The page, ending in a newline.
     *
     * @param version the pollsim version that made the run
     */
    public String render(RunReport report, PolicyPalette palette, List<Chart> charts, String version) {
        StringBuilder b = new StringBuilder(64 * 1024);
        String scenario = Markup.escape(report.scenario());
        b.append(head("pollsim report: scenario " + report.scenario(), version));

        b.append("<header>\n<h1>pollsim report: scenario <code>").append(scenario).append("</code></h1>\n");
        long arrived = report.results().isEmpty() ? 0 : report.results().get(0).jobs().arrived();
        b.append("<table class=\"facts\">\n<tr><th>scenario</th><th>seed</th><th>days</th><th>daemons</th>")
                .append("<th>jobs arrived</th><th>pollsim</th></tr>\n")
                .append(String.format(Locale.ROOT, "<tr><td><code>%s</code></td><td>%d</td><td>%d</td><td>%d</td>"
                        + "<td>%,d</td><td>%s</td></tr>\n", scenario, report.seed(), report.days(), report.daemons(),
                        arrived, Markup.escape(version)))
                .append("</table>\n");
        b.append("<p>Every policy replayed the same arrivals on a virtual clock. Requests are upstream requests per")
                .append(" simulated day over the whole fleet; wake latency runs from a job becoming visible (enqueued,")
                .append(" or its retry due) to its pickup. The same scenario and seed give this same report.</p>\n");
        for (String w : report.warnings()) {
            b.append("<p class=\"warning\"><strong>Warning:</strong> ").append(Markup.escape(w)).append(".</p>\n");
        }
        b.append("</header>\n");

        b.append("<nav>\n<ol>\n<li><a href=\"#summary\">Summary: requests per day and wake latency</a></li>\n");
        for (Chart c : charts) {
            b.append("<li><a href=\"#").append(Markup.escape(c.name())).append("-chart\">").append(Markup.escape(c.title()))
                    .append("</a></li>\n");
        }
        b.append("<li><a href=\"#policies\">Policies and parameters</a></li>\n")
                .append("<li><a href=\"#files\">Files</a></li>\n</ol>\n</nav>\n");

        summary(b, report, palette);
        for (Chart c : charts) {
            String name = Markup.escape(c.name());
            b.append("<section id=\"").append(name).append("-chart\" class=\"chart\">\n<h2>")
                    .append(Markup.escape(c.title())).append("</h2>\n<p>").append(Markup.escape(c.howToRead())).append("</p>\n")
                    .append("<figure>\n").append(c.svgElement()).append("\n<figcaption>Also as <a href=\"")
                    .append(name).append(".svg\">").append(name).append(".svg</a> and <a href=\"").append(name)
                    .append(".png\">").append(name).append(".png</a>.</figcaption>\n</figure>\n</section>\n");
        }
        policies(b, report, palette);
        b.append("<section id=\"files\">\n<h2>Files</h2>\n<ul>\n")
                .append("<li><a href=\"results.json\">results.json</a>: every number, with the series behind the")
                .append(" charts (the JSON of <code>pollsim run --format json --series</code>)</li>\n")
                .append("<li><a href=\"results.csv\">results.csv</a>: one row per policy</li>\n")
                .append("<li><a href=\"summary.md\">summary.md</a>: the table and parameters in Markdown</li>\n")
                .append("<li>each chart as SVG and PNG, 1200 px wide</li>\n</ul>\n</section>\n");
        b.append("<footer>pollsim ").append(Markup.escape(version)).append(" · scenario <code>").append(scenario)
                .append("</code> · seed ").append(report.seed()).append("</footer>\n</body>\n</html>\n");
        return b.toString();
    }

    private static void summary(StringBuilder b, RunReport report, PolicyPalette palette) {
        Comparison c = Comparison.of(report);
        b.append("<section id=\"summary\">\n<h2>Summary: requests per day and wake latency</h2>\n<div class=\"wide\">\n")
                .append("<table class=\"comparison\">\n<tr><th>policy</th>");
        c.headers().forEach(h -> b.append("<th>").append(Markup.escape(h)).append("</th>"));
        b.append("</tr>\n");
        for (Comparison.Row row : c.rows()) {
            b.append("<tr><td>").append(swatch(palette, row.label())).append("<code>").append(Markup.escape(row.label()))
                    .append("</code></td>");
            for (Comparison.Cell cell : row.cells()) {
                b.append(cell.best() ? "<td class=\"best\">" : "<td>").append(Markup.escape(cell.text())).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table>\n</div>\n<p class=\"note\">");
        if (c.marked()) {
            b.append("<strong>Bold</strong>: ").append(Markup.escape(c.markMeaning())).append(". ");
        }
        b.append("<code>-</code>: no job picked up. The colour beside a policy is its colour in every chart.</p>\n")
                .append("</section>\n");
    }

    private static void policies(StringBuilder b, RunReport report, PolicyPalette palette) {
        b.append("<section id=\"policies\">\n<h2>Policies and parameters</h2>\n<div class=\"wide\">\n")
                .append("<table>\n<tr><th>policy</th><th>policy name</th><th>parameters</th></tr>\n");
        for (PolicyResult r : report.results()) {
            StringBuilder params = new StringBuilder();
            r.params().forEach((k, v) -> params.append(params.length() == 0 ? "" : " ").append(k).append('=').append(v));
            b.append("<tr><td>").append(swatch(palette, r.label())).append("<code>").append(Markup.escape(r.label()))
                    .append("</code></td><td><code>").append(Markup.escape(r.policy())).append("</code></td>")
                    .append("<td style=\"text-align: left\"><code>")
                    .append(params.length() == 0 ? "(none)" : Markup.escape(params.toString())).append("</code></td></tr>\n");
        }
        b.append("</table>\n</div>\n</section>\n");
    }

    private static String swatch(PolicyPalette palette, String label) {
        return "<span class=\"swatch\" style=\"background: " + palette.css(label) + "\"></span>";
    }
}
