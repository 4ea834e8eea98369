package dev.pollsim.report.chart;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jfree.chart.ChartUtils;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;
import org.jfree.svg.ViewBox;

/**
 * Draws a chart as SVG (JFreeSVG) or PNG. The SVG is the same bytes every time for the same
 * chart on the same machine: ids come from the chart's name, not the clock, and coordinates are
 * rounded to hundredths of a pixel. Text stays text, so its glyphs, and the widths JFreeChart
 * measured to lay it out, come from the fonts installed: another machine may differ by a pixel.
 * PNG bytes may differ between JDKs. Call from one thread per chart; needs no display.
 */
public final class ChartFiles {

    private ChartFiles() {}

    /**
     * The chart as an {@code <svg>} element to put inline in HTML: its id is the chart's name,
     * it scales with its {@code viewBox}, and its first child is a {@code <title>}.
     */
    public static String svgElement(ReportChart c) {
        SVGGraphics2D g = new SVGGraphics2D(c.widthPx(), c.heightPx());
        g.setDefsKeyPrefix(c.name() + "-");
        g.setGeomDoubleConverter(ChartFiles::hundredths);
        c.chart().draw(g, new Rectangle(0, 0, c.widthPx(), c.heightPx()));
        String svg = g.getSVGElement(c.name(), true, new ViewBox(0, 0, c.widthPx(), c.heightPx()),
                PreserveAspectRatio.XMID_YMID, MeetOrSlice.MEET);
        int open = svg.indexOf('>') + 1;
        return svg.substring(0, open) + "<title>" + SVGUtils.escapeForXML(c.title()) + "</title>" + svg.substring(open);
    }

    /** The chart as a standalone SVG file, ending in a newline. */
    public static String svg(ReportChart c) {
        return document(svgElement(c));
    }

    /** An {@link #svgElement} as a standalone SVG file, ending in a newline. */
    public static String document(String svgElement) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svgElement + "\n";
    }

    /** The chart as PNG, at its size. */
    public static byte[] png(ReportChart c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, c.chart(), c.widthPx(), c.heightPx());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A coordinate to two decimals, trailing zeros dropped: plenty for a pixel, and stable. */
    static String hundredths(double d) {
        if (!Double.isFinite(d)) {
            return "0";
        }
        return BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }
}
