package dev.pollsim.report.chart;

import dev.pollsim.sim.metrics.PolicyResult;
import dev.pollsim.sim.metrics.RequestKind;
import dev.pollsim.sim.run.RunReport;
import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Upstream requests per day of each policy, one bar each in the policy's colour, split by kind
 * of request: the pale part is empty polls (requests that found nothing), the full colour polls
 * that found work, darker shades dequeues and errors, a lighter one heartbeats. Kinds no policy
 * made are left out. The total is written at the end of each bar.
 */
final class RequestsPerDayChart {

    static final String NAME = "requests-per-day";
    static final String TITLE = "Upstream requests per day";

    /** Kinds in the order they stack from the axis: useful work first, waste last. */
    private static final List<RequestKind> ORDER = List.of(RequestKind.WORK_POLL, RequestKind.DEQUEUE,
            RequestKind.ERROR, RequestKind.HEARTBEAT, RequestKind.EMPTY_POLL);

    private static final Map<RequestKind, String> NAMES = new EnumMap<>(Map.of(
            RequestKind.WORK_POLL, "polls that found work",
            RequestKind.DEQUEUE, "dequeues",
            RequestKind.ERROR, "errors (429, 5xx)",
            RequestKind.HEARTBEAT, "heartbeats",
            RequestKind.EMPTY_POLL, "empty polls"));

    private RequestsPerDayChart() {}

    static ReportChart create(RunReport report, PolicyPalette palette) {
        List<RequestKind> kinds = new ArrayList<>();
        for (RequestKind k : ORDER) {
            if (report.results().stream().anyMatch(r -> r.requestsByKind().get(k) > 0)) {
                kinds.add(k);
            }
        }
        if (kinds.isEmpty()) {
            kinds.add(RequestKind.EMPTY_POLL);
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (RequestKind k : kinds) {
            for (PolicyResult r : report.results()) {
                data.addValue(r.requestsPerDay(k), NAMES.get(k), r.label());
            }
        }
        List<String> labels = report.results().stream().map(PolicyResult::label).toList();
        StackedBarRenderer renderer = new StackedBarRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Paint getItemPaint(int row, int column) {
                return shade(palette.colour(labels.get(column)), kinds.get(row));
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setDefaultOutlinePaint(Color.WHITE);
        renderer.setMaximumBarWidth(0.08);

        CategoryAxis policies = new CategoryAxis("policy");
        ChartStyle.styleAxis(policies);
        policies.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        policies.setMaximumCategoryLabelWidthRatio(0.4f);
        NumberAxis requests = ChartStyle.linearAxis("upstream requests per day, whole fleet (requests/day)");
        requests.setUpperMargin(0.14);
        CategoryPlot plot = new CategoryPlot(data, policies, requests, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        ChartStyle.styleCategory(plot);

        double top = report.results().stream().mapToDouble(PolicyResult::requestsPerDay).max().orElse(0);
        for (PolicyResult r : report.results()) {
            CategoryTextAnnotation total = new CategoryTextAnnotation(
                    " " + ChartStyle.numbers().format(Math.round(r.requestsPerDay())), r.label(),
                    r.requestsPerDay() + top * 0.005);
            total.setFont(ChartStyle.NOTE);
            total.setPaint(ChartStyle.INK);
            total.setTextAnchor(TextAnchor.CENTER_LEFT);
            plot.addAnnotation(total);
        }

        LegendItemCollection legend = new LegendItemCollection();
        Color neutral = new Color(0x707070);
        for (RequestKind k : kinds) {
            legend.add(new LegendItem(NAMES.get(k), null, null, null, new Rectangle2D.Double(-6, -6, 12, 12),
                    shade(neutral, k)));
        }
        plot.setFixedLegendItems(legend);

        String subtitle = "Each bar is one policy in its colour; its shade tells the kind of request"
                + " (legend: pale = empty polls, the waste). Fewer is cheaper.";
        int height = Math.max(ChartStyle.HEIGHT_PX, 200 + 38 * report.results().size());
        return new ReportChart(NAME, TITLE,
                "Each bar is one policy's upstream requests per simulated day over the whole fleet, split by kind:"
                        + " the pale part is empty polls, requests that found nothing. A shorter bar costs less;"
                        + " a bar that is mostly pale spends its requests asking for work that is not there.",
                ChartStyle.chart(TITLE, subtitle, plot, true), ChartStyle.WIDTH_PX, height);
    }

    /** A policy's colour shaded for a kind of request: pale for waste, dark for dequeues and errors. */
    static Color shade(Color c, RequestKind kind) {
        switch (kind) {
            case EMPTY_POLL:
                return mix(c, Color.WHITE, 0.5);
            case HEARTBEAT:
                return mix(c, Color.WHITE, 0.25);
            case DEQUEUE:
                return mix(c, Color.BLACK, 0.3);
            case ERROR:
                return mix(c, Color.BLACK, 0.6);
            default:
                return c;
        }
    }

    private static Color mix(Color a, Color b, double share) {
        return new Color(
                (int) Math.round(a.getRed() * (1 - share) + b.getRed() * share),
                (int) Math.round(a.getGreen() * (1 - share) + b.getGreen() * share),
                (int) Math.round(a.getBlue() * (1 - share) + b.getBlue() * share));
    }
}
