package dev.pollsim.report.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A logarithmic axis over data given as {@code log10(value)}: ticks at 1, 2 and 5 (or only 1)
 * times the powers of ten that fit, labelled with the plain value ({@code 0.01}, {@code 1,000})
 * in {@link java.util.Locale#ROOT}. Unlike JFreeChart's {@code LogAxis}, its labels are plain
 * strings, so they keep the axis font in PNG and SVG alike. Values at or below zero have no
 * logarithm: a chart clamps them to a floor it names in its subtitle.
 */
final class LogScaleAxis extends NumberAxis {

    private static final long serialVersionUID = 1L;

    /** The smallest span, in decades, the axis shows, so that a single point has a scale. */
    private static final double MIN_SPAN_DECADES = 1.0;

    private final NumberFormat format = ChartStyle.numbers();

    LogScaleAxis(String label) {
        super(label);
        setAutoRangeIncludesZero(false);
        setAutoRangeStickyZero(false);
        setAutoRangeMinimumSize(MIN_SPAN_DECADES);
        setLowerMargin(0.04);
        setUpperMargin(0.04);
        setMinorTickMarksVisible(false);
        ChartStyle.styleAxis(this);
    }

    /** The axis coordinate of a value: its base-10 logarithm, the value first raised to {@code floor}. */
    static double toAxis(double value, double floor) {
        return Math.log10(Math.max(value, floor));
    }

    @Override
    public List<ValueTick> refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        double lo = getLowerBound();
        double hi = getUpperBound();
        double span = hi - lo;
        double[] mantissas = span <= 1.2 ? new double[] {1, 2, 3, 5} : span <= 3 ? new double[] {1, 2, 5}
                : new double[] {1};
        int every = span <= 8 ? 1 : (int) Math.ceil(span / 8);
        TextAnchor anchor;
        if (RectangleEdge.isTopOrBottom(edge)) {
            anchor = edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER;
        } else {
            anchor = edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT;
        }
        List<ValueTick> ticks = new ArrayList<>();
        for (int decade = (int) Math.floor(lo); decade <= (int) Math.ceil(hi); decade++) {
            if (Math.floorMod(decade, every) != 0) {
                continue;
            }
            for (double m : mantissas) {
                double at = decade + Math.log10(m);
                if (at >= lo && at <= hi) {
                    String label = format.format(m * Math.pow(10, decade));
                    ticks.add(new NumberTick(TickType.MAJOR, at, label, anchor, TextAnchor.CENTER, 0.0));
                }
            }
        }
        return ticks;
    }
}
