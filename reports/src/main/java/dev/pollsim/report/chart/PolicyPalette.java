package dev.pollsim.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One colour per policy label, the same in every chart of a report: the {@code i}-th label of
 * the run takes the {@code i}-th of {@link #COLOURS}, twelve hues that stay apart on screen and
 * in print. Past twelve policies the colours repeat with a dashed line, so no two policies of a
 * report look alike. Immutable.
 */
public final class PolicyPalette {

    /** The colours in the order policies take them. */
    public static final List<Color> COLOURS = List.of(
            new Color(0x1f77b4), // blue
            new Color(0xff7f0e), // orange
            new Color(0x2ca02c), // green
            new Color(0xd62728), // red
            new Color(0x9467bd), // purple
            new Color(0x8c564b), // brown
            new Color(0xe377c2), // pink
            new Color(0x7f7f7f), // grey
            new Color(0xbcbd22), // olive
            new Color(0x17becf), // cyan
            new Color(0x393b79), // indigo
            new Color(0xad494a)); // brick

    /** Line width of a policy's curve, in pixels at 1200 x 700. */
    public static final float LINE_WIDTH_PX = 2.2f;

    private final Map<String, Integer> index = new LinkedHashMap<>();

    /** A palette for these labels, in the run's order; duplicates keep their first place. */
    public PolicyPalette(List<String> labels) {
        for (String label : labels) {
            index.putIfAbsent(label, index.size());
        }
    }

    /** The labels, in the order they took their colours. */
    public List<String> labels() {
        return List.copyOf(index.keySet());
    }

    /** The colour of a label. */
    public Color colour(String label) {
        return COLOURS.get(indexOf(label) % COLOURS.size());
    }

    /** The colour as CSS, {@code #1f77b4}. */
    public String css(String label) {
        Color c = colour(label);
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    /** The stroke of a label's line: solid for the first twelve labels, dashed for the next. */
    public Stroke stroke(String label) {
        int round = indexOf(label) / COLOURS.size();
        if (round == 0) {
            return new BasicStroke(LINE_WIDTH_PX, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND);
        }
        float dash = 4f + 4f * round;
        return new BasicStroke(LINE_WIDTH_PX, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {dash, 4f}, 0f);
    }

    private int indexOf(String label) {
        Integer i = index.get(label);
        if (i == null) {
            throw new IllegalArgumentException("no colour for policy '" + label + "'; the palette has " + labels());
        }
        return i;
    }
}
