package dev.pollsim.report.chart;

import dev.pollsim.sim.metrics.HourlySeries;
import dev.pollsim.sim.metrics.PolicyResult;
import dev.pollsim.sim.run.RunReport;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Locale;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Hour by hour: upstream requests of each policy (logarithmic, an hour with none is a gap), the
 * jobs that arrived (the same for every policy), and the peak number of jobs waiting in the
 * queue under each policy. Runs longer than {@link Steps#BUCKETS} hours are grouped into steps
 * of several hours: requests and arrivals as the mean per hour, the queue as the peak.
 */
final class HourlyChart {

    static final String NAME = "hourly";
    static final String TITLE = "Hour by hour: requests, arrivals and queue depth";

    private static final Color ARRIVALS = new Color(0x444444);

    private HourlyChart() {}

    static ReportChart create(RunReport report, PolicyPalette palette) {
        long horizonUs = report.results().isEmpty() ? 0 : report.results().get(0).horizonUs();
        ChartStyle.TimeScale time = ChartStyle.TimeScale.of(horizonUs);
        int hours = report.results().isEmpty() ? 0 : report.results().get(0).hourly().hours();
        int group = Math.max(1, (hours + Steps.BUCKETS - 1) / Steps.BUCKETS);
        int steps = (hours + group - 1) / group;
        double[] x = new double[steps];
        for (int i = 0; i < steps; i++) {
            x[i] = time.units((double) i * group * 3_600_000_000L);
        }
        double end = time.units(horizonUs);
        int[] keep = Steps.all(steps);

        XYSeriesCollection requests = new XYSeriesCollection();
        XYLineAndShapeRenderer requestLines = lines();
        XYSeriesCollection queued = new XYSeriesCollection();
        XYLineAndShapeRenderer queueLines = lines();
        for (PolicyResult r : report.results()) {
            HourlySeries h = r.hourly();
            double[] perHour = meanPerHour(h.requests(), group);
            for (int i = 0; i < perHour.length; i++) {
                perHour[i] = perHour[i] <= 0 ? Double.NaN : Math.log10(perHour[i]);
            }
            XYSeries rs = new XYSeries(r.label(), false, true);
            Steps.addTo(rs, x, perHour, keep, end);
            int n = requests.getSeriesCount();
            requests.addSeries(rs);
            requestLines.setSeriesPaint(n, palette.colour(r.label()));
            requestLines.setSeriesStroke(n, palette.stroke(r.label()));
            XYSeries qs = new XYSeries(r.label(), false, true);
            Steps.addTo(qs, x, sampledPeaks(h, group), keep, end);
            queued.addSeries(qs);
            queueLines.setSeriesPaint(n, palette.colour(r.label()));
            queueLines.setSeriesStroke(n, palette.stroke(r.label()));
            queueLines.setSeriesVisibleInLegend(n, false);
        }
        XYSeriesCollection arrivals = new XYSeriesCollection();
        XYLineAndShapeRenderer arrivalLine = lines();
        if (!report.results().isEmpty()) {
            XYSeries as = new XYSeries("jobs arrived (every policy)", false, true);
            Steps.addTo(as, x, meanPerHour(report.results().get(0).hourly().arrivals(), group), keep, end);
            arrivals.addSeries(as);
            arrivalLine.setSeriesPaint(0, ARRIVALS);
            arrivalLine.setSeriesStroke(0, new BasicStroke(1.6f));
        }

        String per = group == 1 ? "per hour" : "per hour, mean of " + group + " h";
        LogScaleAxis requestAxis = new LogScaleAxis("requests " + per + " (log)");
        requestAxis.setLabelFont(ChartStyle.NOTE);
        XYPlot top = new XYPlot(requests, null, requestAxis, requestLines);
        NumberAxis arrivalAxis = ChartStyle.countAxis("jobs arrived " + per);
        arrivalAxis.setLabelFont(ChartStyle.NOTE);
        XYPlot middle = new XYPlot(arrivals, null, arrivalAxis, arrivalLine);
        NumberAxis queueAxis = ChartStyle.countAxis("peak queued jobs");
        queueAxis.setLabelFont(ChartStyle.NOTE);
        XYPlot bottom = new XYPlot(queued, null, queueAxis, queueLines);

        NumberAxis timeAxis = ChartStyle.linearAxis(time.label());
        timeAxis.setRange(0, Math.max(end, 1e-9));
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(timeAxis);
        plot.setGap(10);
        for (XYPlot p : new XYPlot[] {top, middle, bottom}) {
            ChartStyle.styleXY(p);
        }
        plot.add(top, 5);
        plot.add(middle, 2);
        plot.add(bottom, 3);
        ChartStyle.styleXY(plot);
        String subtitle = String.format(Locale.ROOT, "Top: upstream requests each %s (log scale; a gap is an hour"
                + " with none). Middle: jobs arriving. Bottom: the most jobs waiting at once.",
                group == 1 ? "hour" : group + " hours, per hour");
        return new ReportChart(NAME, TITLE,
                "Three panels on one time axis. Top: each policy's upstream requests per hour (logarithmic). Middle:"
                        + " the jobs that arrived, the same for every policy. Bottom: the peak queue depth under each"
                        + " policy. A policy that backs off shows its requests fall in quiet hours; if its queue"
                        + " grows while jobs keep arriving, work is waiting for it.",
                ChartStyle.chart(TITLE, subtitle, plot, true), ChartStyle.WIDTH_PX, ChartStyle.HEIGHT_PX + 100);
    }

    private static XYLineAndShapeRenderer lines() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDrawSeriesLineAsPath(true);
        return r;
    }

    /** The peak queue depth of each step of {@code group} hours. */
    private static double[] sampledPeaks(HourlySeries h, int group) {
        long[] peaks = h.peakQueued();
        int steps = (peaks.length + group - 1) / group;
        double[] out = new double[steps];
        for (int s = 0; s < steps; s++) {
            long v = 0;
            for (int hour = s * group; hour < Math.min(peaks.length, s * group + group); hour++) {
                v = Math.max(v, peaks[hour]);
            }
            out[s] = v;
        }
        return out;
    }

    /** Hourly counts grouped {@code group} hours a step, as the mean per hour. */
    private static double[] meanPerHour(long[] hourly, int group) {
        int steps = (hourly.length + group - 1) / group;
        double[] out = new double[steps];
        for (int s = 0; s < steps; s++) {
            int from = s * group;
            int to = Math.min(hourly.length, from + group);
            double sum = 0;
            for (int h = from; h < to; h++) {
                sum += hourly[h];
            }
            out[s] = sum / (to - from);
        }
        return out;
    }
}
