package dev.pollsim.report.chart;

import dev.pollsim.sim.metrics.IntervalSeries;
import dev.pollsim.sim.metrics.PolicyResult;
import dev.pollsim.sim.run.RunReport;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The poll interval over time of one daemon per policy (the first loop of daemon 0): at every
 * moment, the delay its policy chose at its last decision, as a step line on a logarithmic axis,
 * one panel per policy over a shared time axis. A gap is a suspended loop. Long runs are thinned
 * to {@link Steps#BUCKETS} buckets across, keeping each bucket's lowest and highest delay.
 */
final class PollIntervalChart {

    static final String NAME = "poll-interval";
    static final String TITLE = "Poll interval over time, one daemon per policy";

    /** Delays below this are drawn at it: a logarithmic axis has no zero. */
    static final double FLOOR_S = 0.001;

    private static final int PANEL_HEIGHT_PX = 90;

    private static final Color SUSPENDED = new Color(0xe4e4e4);

    private PollIntervalChart() {}

    /**
     * Shades the spans in which the loop was suspended, from a suspending decision to the next
     * decision (or the end). Spans less than a bucket apart merge, so a panel has at most about
     * {@link Steps#BUCKETS} of them.
     */
    private static void shadeSuspended(XYPlot panel, double[] x, long[] delayUs, double end) {
        double merge = end / Steps.BUCKETS;
        double from = Double.NaN;
        double to = Double.NaN;
        for (int i = 0; i < x.length; i++) {
            if (delayUs[i] >= 0) {
                continue;
            }
            double spanEnd = i + 1 < x.length ? x[i + 1] : end;
            if (!Double.isNaN(to) && x[i] - to <= merge) {
                to = spanEnd;
                continue;
            }
            if (!Double.isNaN(from)) {
                panel.addDomainMarker(suspended(from, to), Layer.BACKGROUND);
            }
            from = x[i];
            to = spanEnd;
        }
        if (!Double.isNaN(from)) {
            panel.addDomainMarker(suspended(from, to), Layer.BACKGROUND);
        }
    }

    private static IntervalMarker suspended(double from, double to) {
        return new IntervalMarker(from, Math.max(to, from), SUSPENDED, new BasicStroke(0f), null, null, 1f);
    }

    static ReportChart create(RunReport report, PolicyPalette palette) {
        long horizonUs = report.results().isEmpty() ? 0 : report.results().get(0).horizonUs();
        ChartStyle.TimeScale time = ChartStyle.TimeScale.of(horizonUs);
        NumberAxis timeAxis = ChartStyle.linearAxis(time.label());
        timeAxis.setRange(0, Math.max(time.units(horizonUs), 1e-9));
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(timeAxis);
        plot.setGap(6);
        List<String> none = new ArrayList<>();
        for (PolicyResult r : report.results()) {
            IntervalSeries iv = r.intervals();
            if (iv.size() == 0) {
                none.add(r.label());
                continue;
            }
            long[] at = iv.atUs();
            long[] delay = iv.delayUs();
            double[] x = new double[at.length];
            double[] y = new double[at.length];
            for (int i = 0; i < at.length; i++) {
                x[i] = time.units(at[i]);
                y[i] = delay[i] < 0 ? Double.NaN : LogScaleAxis.toAxis(delay[i] / 1e6, FLOOR_S);
            }
            int last = at.length - 1;
            double end = delay[last] < 0 ? x[last] : time.units(Math.min(horizonUs, at[last] + delay[last]));
            XYSeries s = new XYSeries(r.label(), false, true);
            Steps.addTo(s, x, y, Steps.thin(x, y, 0, time.units(horizonUs), Steps.BUCKETS), end);
            XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
            renderer.setDrawSeriesLineAsPath(true);
            renderer.setSeriesPaint(0, palette.colour(r.label()));
            renderer.setSeriesStroke(0, palette.stroke(r.label()));
            LogScaleAxis delayAxis = new LogScaleAxis("delay (s)");
            delayAxis.setLabelFont(ChartStyle.NOTE);
            delayAxis.setTickLabelFont(ChartStyle.NOTE);
            delayAxis.setLowerMargin(0.15);
            delayAxis.setUpperMargin(0.3);
            XYPlot panel = new XYPlot(new XYSeriesCollection(s), null, delayAxis, renderer);
            ChartStyle.styleXY(panel);
            panel.setInsets(new RectangleInsets(2, 6, 2, 18));
            TextTitle name = new TextTitle(r.label() + " · " + iv.loop()
                    + (iv.truncated() ? String.format(Locale.ROOT, " · first %,d decisions", IntervalSeries.LIMIT) : ""),
                    ChartStyle.NOTE);
            name.setPaint(ChartStyle.INK);
            name.setBackgroundPaint(new Color(255, 255, 255, 220));
            name.setPadding(new RectangleInsets(1, 4, 1, 4));
            panel.addAnnotation(new XYTitleAnnotation(0.003, 0.98, name, RectangleAnchor.TOP_LEFT));
            shadeSuspended(panel, x, delay, time.units(horizonUs));
            plot.add(panel, 1);
        }
        ChartStyle.styleXY(plot);
        StringBuilder subtitle = new StringBuilder("The delay each policy chose at its last decision, first loop of"
                + " daemon 0 (log scale). Shaded: the loop suspended. Higher is cheaper, lower reacts faster.");
        if (!none.isEmpty()) {
            subtitle.append("\nNo decision recorded: ").append(String.join(", ", none)).append('.');
        }
        int panels = Math.max(1, plot.getSubplots().size());
        int height = Math.max(ChartStyle.HEIGHT_PX, 230 + PANEL_HEIGHT_PX * panels);
        return new ReportChart(NAME, TITLE,
                "One panel per policy, sharing the time axis: the delay until the next poll that the policy chose at"
                        + " each decision of one loop (daemon 0's first), on a logarithmic scale. Steps up are"
                        + " backing off while idle, drops are work or a wake pulling it back; a gap is a suspended"
                        + " loop that polls no more until woken.",
                ChartStyle.chart(TITLE, subtitle.toString(), plot, true), ChartStyle.WIDTH_PX, height);
    }
}
