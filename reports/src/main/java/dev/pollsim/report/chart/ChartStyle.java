package dev.pollsim.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * How every chart looks: a white ground, readable sans-serif type at 1200 x 700 and in print,
 * light grid lines, no gradients or shadows, and numbers in {@link Locale#ROOT}. JFreeChart's
 * global theme is left alone; each chart is styled here as it is built.
 */
final class ChartStyle {

    /** Width of every chart, in pixels. */
    static final int WIDTH_PX = 1200;
    /** Height of a chart of ordinary size, in pixels. */
    static final int HEIGHT_PX = 700;

    static final String FAMILY = "SansSerif";
    static final Font TITLE = new Font(FAMILY, Font.BOLD, 24);
    static final Font SUBTITLE = new Font(FAMILY, Font.PLAIN, 15);
    static final Font AXIS_LABEL = new Font(FAMILY, Font.PLAIN, 16);
    static final Font TICK_LABEL = new Font(FAMILY, Font.PLAIN, 14);
    static final Font LEGEND = new Font(FAMILY, Font.PLAIN, 14);
    static final Font NOTE = new Font(FAMILY, Font.PLAIN, 13);
    static final Color INK = new Color(0x222222);
    static final Color MUTED = new Color(0x555555);
    static final Color GRID = new Color(0xd0d0d0);

    private ChartStyle() {}

    /** Plain numbers with grouping and up to nine decimals, the same in every locale. */
    static NumberFormat numbers() {
        return new DecimalFormat("#,##0.#########", DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    /** A linear axis with locale-free labels. */
    static NumberAxis linearAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setNumberFormatOverride(numbers());
        axis.setMinorTickMarksVisible(false);
        styleAxis(axis);
        return axis;
    }

    /** A linear axis of counts: whole-number ticks from zero. */
    static NumberAxis countAxis(String label) {
        NumberAxis axis = linearAxis(label);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        axis.setAutoRangeIncludesZero(true);
        return axis;
    }

    static void styleAxis(Axis axis) {
        axis.setLabelFont(AXIS_LABEL);
        axis.setLabelPaint(INK);
        axis.setTickLabelFont(TICK_LABEL);
        axis.setTickLabelPaint(INK);
        axis.setAxisLinePaint(MUTED);
        axis.setTickMarkPaint(MUTED);
        if (axis instanceof ValueAxis) {
            ((ValueAxis) axis).setTickLabelInsets(new RectangleInsets(3, 4, 3, 4));
        }
    }

    static void styleXY(XYPlot plot) {
        stylePlot(plot);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    }

    static void styleCategory(CategoryPlot plot) {
        stylePlot(plot);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setDomainGridlinesVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    }

    private static void stylePlot(Plot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(MUTED);
        plot.setInsets(new RectangleInsets(6, 6, 6, 18));
    }

    /**
     * A chart with its title, a subtitle saying how to read it, and the legend at the bottom.
     *
     * @param subtitle one or more lines, {@code null} for none
     */
    static JFreeChart chart(String title, String subtitle, Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, TITLE, plot, legend);
        chart.getTitle().setPaint(INK);
        chart.getTitle().setHorizontalAlignment(HorizontalAlignment.LEFT);
        chart.getTitle().setPadding(new RectangleInsets(4, 12, 2, 12));
        if (subtitle != null) {
            TextTitle sub = new TextTitle(subtitle, SUBTITLE);
            sub.setPaint(MUTED);
            sub.setHorizontalAlignment(HorizontalAlignment.LEFT);
            sub.setTextAlignment(HorizontalAlignment.LEFT);
            sub.setPadding(new RectangleInsets(0, 12, 8, 12));
            chart.addSubtitle(sub);
        }
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(8, 8, 8, 8));
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        LegendTitle l = chart.getLegend();
        if (l != null) {
            l.setItemFont(LEGEND);
            l.setItemPaint(INK);
            l.setFrame(BlockBorder.NONE);
            l.setBackgroundPaint(Color.WHITE);
            l.setPosition(RectangleEdge.BOTTOM);
            l.setItemLabelPadding(new RectangleInsets(2, 4, 2, 12));
        }
        return chart;
    }

    /** The unit of simulated time on a chart's x axis: hours up to three days, days beyond. */
    record TimeScale(String label, double microsPerUnit) {

        static TimeScale of(long horizonUs) {
            double hourUs = 3_600_000_000.0;
            return horizonUs <= 72 * hourUs ? new TimeScale("simulated time (h)", hourUs)
                    : new TimeScale("simulated time (days)", 24 * hourUs);
        }

        double units(double micros) {
            return micros / microsPerUnit;
        }
    }
}
