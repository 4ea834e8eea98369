package dev.pollsim.report.chart;

import dev.pollsim.sim.metrics.PolicyResult;
import dev.pollsim.sim.run.RunReport;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The trade-off at a glance: one point per policy, upstream requests per day across and p99 wake
 * latency up, both on logarithmic axes, each point labelled with its policy. The lower left
 * corner is cheap and fast. Policies that picked no job up have no p99 and are named in the
 * subtitle instead.
 */
final class TradeOffChart {

    static final String NAME = "requests-vs-p99";
    static final String TITLE = "Requests per day against p99 wake latency";

    /** p99 latencies below this are drawn at it: a logarithmic axis has no zero. */
    static final double LATENCY_FLOOR_S = 0.001;
    /** Request rates below this are drawn at it. */
    static final double REQUESTS_FLOOR = 0.001;

    /** Points closer than this across, in decades, share a label when also close in height. */
    static final double NEAR_X = 0.15;
    /** Points closer than this in height, in decades, share a label when also close across. */
    static final double NEAR_Y = 0.08;

    private TradeOffChart() {}

    static ReportChart create(RunReport report, PolicyPalette palette) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        List<String> missing = new ArrayList<>();
        Shape[] shapes = {
            new Ellipse2D.Double(-7, -7, 14, 14), ShapeUtils.createDiamond(8), ShapeUtils.createUpTriangle(8),
            ShapeUtils.createDownTriangle(8), new Rectangle(-6, -6, 12, 12)};
        int i = 0;
        List<double[]> points = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (PolicyResult r : report.results()) {
            if (r.wakeLatency().count() == 0) {
                missing.add(r.label());
                continue;
            }
            XYSeries s = new XYSeries(r.label(), false, true);
            double x = LogScaleAxis.toAxis(r.requestsPerDay(), REQUESTS_FLOOR);
            double y = LogScaleAxis.toAxis(r.wakeLatency().p99Us() / 1e6, LATENCY_FLOOR_S);
            s.add(x, y);
            points.add(new double[] {x, y});
            names.add(r.label());
            int series = data.getSeriesCount();
            data.addSeries(s);
            renderer.setSeriesPaint(series, palette.colour(r.label()));
            // Shapes differ too, so that points stay apart in grey print.
            renderer.setSeriesShape(series, shapes[i++ % shapes.length]);
        }
        String[] labels = labels(points, names);
        renderer.setDefaultItemLabelGenerator((dataset, series, item) -> labels[series]);
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(ChartStyle.NOTE);
        renderer.setDefaultItemLabelPaint(ChartStyle.INK);
        renderer.setItemLabelInsets(new RectangleInsets(2, 9, 2, 9));
        renderer.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        boolean[] left = labelsLeft(points);
        for (int s = 0; s < left.length; s++) {
            if (left[s]) {
                renderer.setSeriesPositiveItemLabelPosition(s,
                        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE9, TextAnchor.CENTER_RIGHT));
            }
        }

        LogScaleAxis requests = new LogScaleAxis("upstream requests per day, whole fleet (requests/day, log scale)");
        LogScaleAxis p99 = new LogScaleAxis("p99 wake latency (s, log scale)");
        requests.setLowerMargin(0.08);
        requests.setUpperMargin(0.25);
        p99.setLowerMargin(0.08);
        p99.setUpperMargin(0.08);
        XYPlot plot = new XYPlot(data, requests, p99, renderer);
        ChartStyle.styleXY(plot);
        StringBuilder subtitle = new StringBuilder(
                "One point per policy. Lower left is better: fewer requests and shorter waits. Under 1 ms drawn at 1 ms.");
        if (!missing.isEmpty()) {
            subtitle.append("\nNo job picked up, no p99: ").append(String.join(", ", missing)).append('.');
        }
        return new ReportChart(NAME, TITLE,
                "One point per policy: what it costs upstream (across) against how long the slowest 1% of new work"
                        + " waits (up). Both axes are logarithmic. Lower left is cheap and fast; a policy up and to"
                        + " the right of another is worse on both counts.",
                ChartStyle.chart(TITLE, subtitle.toString(), plot, true), ChartStyle.WIDTH_PX, ChartStyle.HEIGHT_PX);
    }

    /**
     * Which points take their label on their left: those in the right third of the points' span
     * across, whose label would otherwise run past the plot's right edge.
     */
    static boolean[] labelsLeft(List<double[]> points) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] p : points) {
            lo = Math.min(lo, p[0]);
            hi = Math.max(hi, p[0]);
        }
        boolean[] left = new boolean[points.size()];
        for (int i = 0; i < left.length; i++) {
            left[i] = hi > lo && points.get(i)[0] > lo + (hi - lo) * 2 / 3;
        }
        return left;
    }

    /**
     * The label of each point. Points whose labels would overprint (within {@link #NEAR_X} and
     * {@link #NEAR_Y} decades of an earlier point) share one label on the first of them,
     * {@code batched, idle-streak-clamp-bug}, and have none of their own.
     */
    static String[] labels(List<double[]> points, List<String> names) {
        String[] labels = new String[points.size()];
        int[] head = new int[points.size()];
        for (int i = 0; i < points.size(); i++) {
            head[i] = i;
            for (int j = 0; j < i; j++) {
                if (head[j] == j && Math.abs(points.get(i)[0] - points.get(j)[0]) < NEAR_X
                        && Math.abs(points.get(i)[1] - points.get(j)[1]) < NEAR_Y) {
                    head[i] = j;
                    break;
                }
            }
        }
        for (int i = 0; i < points.size(); i++) {
            labels[i] = head[i] == i ? names.get(i) : "";
            if (head[i] != i) {
                labels[head[i]] += ", " + names.get(i);
            }
        }
        return labels;
    }
}
