package dev.pollsim.report.sweep;

import dev.pollsim.sim.sweep.Estimate;
import dev.pollsim.sim.sweep.PointResult;
import dev.pollsim.sim.sweep.SweepResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The trade-off chart of a sweep, one per scenario: every point's mean requests per day
 * (horizontal, logarithmic when all are positive) against its mean p99 wake latency in seconds,
 * the Pareto frontier joined by a line, and the {@code oracle} lower bound. Axis numbers are
 * formatted with {@link Locale#ROOT}; the SVG is the same bytes for the same sweep.
 */
public final class FrontierChart {

    static final int WIDTH = 900;
    static final int HEIGHT = 560;

    private static final Color POINTS = new Color(0x9e, 0x9e, 0x9e);
    private static final Color FRONTIER = new Color(0x1f, 0x77, 0xb4);
    private static final Color BOUND = new Color(0xd6, 0x27, 0x28);

    /** The chart of one scenario of the sweep. */
    public JFreeChart chart(SweepResult sweep, String scenario) {
        XYSeries all = new XYSeries("sweep points", false, true);
        XYSeries frontier = new XYSeries("Pareto frontier", false, true);
        XYSeries bound = new XYSeries("oracle (lower bound)", false, true);
        List<Double> xs = new ArrayList<>();
        for (PointResult p : sweep.points()) {
            if (p.point().scenarioName().equals(scenario) && !p.point().lowerBound()) {
                add(all, p, xs);
            }
        }
        for (int index : sweep.frontiers().get(scenario)) {
            add(frontier, sweep.points().get(index), xs);
        }
        for (PointResult p : sweep.lowerBounds(scenario)) {
            add(bound, p, xs);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(all);
        data.addSeries(frontier);
        data.addSeries(bound);

        DecimalFormat numbers = new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));
        ValueAxis x;
        if (!xs.isEmpty() && xs.stream().allMatch(v -> v > 0)) {
            LogAxis log = new LogAxis("requests per day (log scale)");
            log.setNumberFormatOverride(new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
            log.setSmallestValue(1e-3);
            // ticks at powers of ten, minor ticks between: 100, 1,000, 10,000 read at a glance
            log.setTickUnit(new NumberTickUnit(1), false, true);
            log.setMinorTickCount(9);
            log.setMinorTickMarksVisible(true);
            x = log;
        } else {
            NumberAxis linear = new NumberAxis("requests per day");
            linear.setNumberFormatOverride(numbers);
            x = linear;
        }
        NumberAxis y = new NumberAxis("p99 wake latency (s)");
        y.setNumberFormatOverride(numbers);
        y.setAutoRangeIncludesZero(true);

        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesLinesVisible(0, false);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        renderer.setSeriesPaint(0, POINTS);
        renderer.setSeriesLinesVisible(1, true);
        renderer.setSeriesStroke(1, new BasicStroke(2f));
        renderer.setSeriesShape(1, new Ellipse2D.Double(-4, -4, 8, 8));
        renderer.setSeriesPaint(1, FRONTIER);
        renderer.setSeriesLinesVisible(2, false);
        renderer.setSeriesShape(2, new Rectangle2D.Double(-5, -5, 10, 10));
        renderer.setSeriesPaint(2, BOUND);

        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        JFreeChart chart = new JFreeChart("scenario " + scenario + ": requests per day against p99 wake latency",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /**
     * Writes {@code frontier-SCENARIO.svg} and {@code frontier-SCENARIO.png} for every scenario
     * of the sweep into {@code dir} (created if needed).
     *
     * @return the files written, in scenario order
     */
    public List<Path> write(SweepResult sweep, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        for (String scenario : sweep.scenarios()) {
            JFreeChart chart = chart(sweep, scenario);
            String stem = stem(scenario);
            Path svg = dir.resolve(stem + ".svg");
            Files.writeString(svg, svg(chart), StandardCharsets.UTF_8);
            Path png = dir.resolve(stem + ".png");
            try (OutputStream o = Files.newOutputStream(png)) {
                ChartUtils.writeChartAsPNG(o, chart, WIDTH, HEIGHT);
            }
            out.add(svg);
            out.add(png);
        }
        return out;
    }

    /**
     * The chart as an {@code <svg>} element with the given id, to put inline in HTML: it scales
     * with its {@code viewBox}.
     */
    public String svgElement(JFreeChart chart, String id) {
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        g.setDefsKeyPrefix(id + "-");
        chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        return g.getSVGElement(id, true, new ViewBox(0, 0, WIDTH, HEIGHT), PreserveAspectRatio.XMID_YMID,
                MeetOrSlice.MEET);
    }

    /** The file stem of a scenario's chart: {@code frontier-SCENARIO}, unsafe characters as {@code _}. */
    public static String stem(String scenario) {
        return "frontier-" + scenario.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** The chart as an SVG document. */
    public String svg(JFreeChart chart) {
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        // a fixed prefix: the default is derived from the clock, which would change the bytes
        g.setDefsKeyPrefix("frontier");
        chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        return g.getSVGDocument();
    }

    private static void add(XYSeries series, PointResult p, List<Double> xs) {
        Estimate cost = p.estimate(SweepResult.COST);
        Estimate latency = p.estimate(SweepResult.LATENCY);
        if (cost.n() > 0 && latency.n() > 0) {
            series.add(cost.mean(), latency.mean() / 1000);
            xs.add(cost.mean());
        }
    }
}
