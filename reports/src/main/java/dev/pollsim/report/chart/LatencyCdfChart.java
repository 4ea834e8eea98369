package dev.pollsim.report.chart;

import dev.pollsim.sim.metrics.LatencyCdf;
import dev.pollsim.sim.metrics.PolicyResult;
import dev.pollsim.sim.run.RunReport;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The wake-latency distribution of every policy as a cumulative step curve on a logarithmic
 * time axis: at each latency, the share of pickups that waited at most that long. Between two
 * points of a {@link LatencyCdf} the curve holds the lower share, so a sparse distribution
 * (a few distinct waits) shows as the steps it is, not as a slope. Latencies under
 * {@link #FLOOR_S} (the oracle's zeros) are drawn at it; policies that picked no job up have
 * no curve and are named in the subtitle.
 */
final class LatencyCdfChart {

    static final String NAME = "wake-latency-cdf";
    static final String TITLE = "Wake latency: how long new work waits";

    /** Latencies below this are drawn at it: a logarithmic axis has no zero. */
    static final double FLOOR_S = 0.001;

    private LatencyCdfChart() {}

    static ReportChart create(RunReport report, PolicyPalette palette) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true);
        List<String> missing = new ArrayList<>();
        for (PolicyResult r : report.results()) {
            LatencyCdf cdf = r.wakeLatencyCdf();
            if (cdf.size() == 0) {
                missing.add(r.label());
                continue;
            }
            long[] at = cdf.atMostUs();
            double[] f = cdf.fraction();
            double[] x = new double[at.length];
            double[] y = new double[at.length];
            for (int i = 0; i < at.length; i++) {
                x[i] = LogScaleAxis.toAxis(at[i] / 1e6, FLOOR_S);
                y[i] = 100 * f[i];
            }
            // A step from nothing below the fastest pickup: the share holds until the next bound.
            XYSeries s = new XYSeries(r.label(), false, true);
            s.add(x[0], 0);
            Steps.addTo(s, x, y, Steps.all(x.length), x[x.length - 1]);
            int series = data.getSeriesCount();
            data.addSeries(s);
            renderer.setSeriesPaint(series, palette.colour(r.label()));
            renderer.setSeriesStroke(series, palette.stroke(r.label()));
            renderer.setSeriesShape(series, new Ellipse2D.Double(-5, -5, 10, 10));
            // A curve of one or two points (all pickups in one bucket) needs a mark to be seen.
            renderer.setSeriesShapesVisible(series, at.length <= 2);
        }
        LogScaleAxis latency = new LogScaleAxis("wake latency, enqueue to pickup (s, log scale)");
        NumberAxis share = ChartStyle.linearAxis("pickups that waited at most this long (%)");
        share.setRange(0, 100.5);
        share.setTickUnit(new NumberTickUnit(10, ChartStyle.numbers()));
        XYPlot plot = new XYPlot(data, latency, share, renderer);
        ChartStyle.styleXY(plot);
        for (double p : new double[] {50, 99}) {
            ValueMarker m = new ValueMarker(p, ChartStyle.MUTED, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            m.setLabel(p == 50 ? "p50" : "p99");
            m.setLabelFont(ChartStyle.NOTE);
            m.setLabelPaint(ChartStyle.MUTED);
            m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
            m.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
            m.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            plot.addRangeMarker(m);
        }
        StringBuilder subtitle = new StringBuilder(
                "Share of pickups that waited at most the time on the x axis. Further left and steeper is better."
                        + " Under 1 ms drawn at 1 ms.");
        if (!missing.isEmpty()) {
            subtitle.append("\nNo job picked up, no curve: ").append(String.join(", ", missing)).append('.');
        }
        return new ReportChart(NAME, TITLE,
                "One curve per policy: for each wait on the (logarithmic) x axis, the share of pickups that waited"
                        + " at most that long. Read a percentile across: where a curve crosses the dashed p99 line is"
                        + " its p99 wait. Curves further left are faster; a long flat top is a slow tail.",
                ChartStyle.chart(TITLE, subtitle.toString(), plot, true), ChartStyle.WIDTH_PX, ChartStyle.HEIGHT_PX);
    }
}
