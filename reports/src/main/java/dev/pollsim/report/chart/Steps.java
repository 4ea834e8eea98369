package dev.pollsim.report.chart;

import java.util.Arrays;
import org.jfree.data.xy.XYSeries;

/**
 * Step lines for charts: a value that holds from one time until the next, drawn as one path,
 * thinned to what a chart can show.
 */
final class Steps {

    /** Buckets across a chart's width: about one per two pixels at 1200 px. */
    static final int BUCKETS = 600;

    private Steps() {}

    /**
     * Adds a step line to {@code series}: {@code y[i]} holds from {@code x[i]} until
     * {@code x[i + 1]}, the last value until {@code end}. A NaN value is a gap that lasts until
     * the next value. {@code x} never falls.
     *
     * @param keep the indices to draw, rising (see {@link #thin})
     */
    static void addTo(XYSeries series, double[] x, double[] y, int[] keep, double end) {
        double previous = Double.NaN;
        for (int i : keep) {
            if (!Double.isNaN(previous) && previous != y[i]) {
                series.add(x[i], previous);
            }
            series.add(x[i], y[i]);
            previous = y[i];
        }
        if (!Double.isNaN(previous) && keep.length > 0 && end > x[keep[keep.length - 1]]) {
            series.add(end, previous);
        }
    }

    /** Every index, for series short enough to draw whole. */
    static int[] all(int n) {
        int[] keep = new int[n];
        Arrays.setAll(keep, i -> i);
        return keep;
    }

    /**
     * The indices worth drawing of a step series over {@code [from, to]} split into
     * {@code buckets}: in each bucket the first and last point, the lowest and highest value,
     * and the first gap. What happens inside a bucket narrower than two pixels cannot be seen,
     * but its range of values is kept, so the envelope of the line is exact.
     */
    static int[] thin(double[] x, double[] y, double from, double to, int buckets) {
        if (x.length <= 4 * buckets) {
            return all(x.length);
        }
        int[] keep = new int[5 * buckets + 5];
        int n = 0;
        int i = 0;
        double width = (to - from) / buckets;
        while (i < x.length) {
            long bucket = (long) Math.floor((x[i] - from) / width);
            int first = i;
            int min = -1;
            int max = -1;
            int gap = -1;
            while (i < x.length && (long) Math.floor((x[i] - from) / width) == bucket) {
                if (Double.isNaN(y[i])) {
                    if (gap < 0) {
                        gap = i;
                    }
                } else {
                    if (min < 0 || y[i] < y[min]) {
                        min = i;
                    }
                    if (max < 0 || y[i] > y[max]) {
                        max = i;
                    }
                }
                i++;
            }
            int[] picked = {first, min, max, gap, i - 1};
            Arrays.sort(picked);
            int last = -1;
            for (int p : picked) {
                if (p >= 0 && p != last) {
                    if (n == keep.length) {
                        keep = Arrays.copyOf(keep, n * 2);
                    }
                    keep[n++] = p;
                    last = p;
                }
            }
        }
        return Arrays.copyOf(keep, n);
    }
}
