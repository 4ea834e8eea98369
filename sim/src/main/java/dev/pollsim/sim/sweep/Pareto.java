package dev.pollsim.sim.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The Pareto frontier of points where both coordinates are costs (lower is better). */
public final class Pareto {

    private Pareto() {}

    /**
     * The indexes of the non-dominated points, ordered by {@code x} ascending (so {@code y}
     * descending), equal points by index. A point is dominated when another is no worse in both
     * coordinates and better in one; two equal points dominate neither, so both stay on the
     * frontier (ties are kept, never broken by chance). Points with a NaN coordinate (a latency
     * with no pickup) are not placed.
     */
    public static List<Integer> frontier(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length");
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                order.add(i);
            }
        }
        order.sort(Comparator.<Integer>comparingDouble(i -> x[i]).thenComparingDouble(i -> y[i])
                .thenComparingInt(i -> i));
        List<Integer> out = new ArrayList<>();
        double bestY = Double.POSITIVE_INFINITY;
        double lastX = Double.NaN;
        double lastY = Double.NaN;
        for (int i : order) {
            // In x order, a point is on the frontier when its y beats every earlier point's; an
            // exact copy of the last frontier point is kept too.
            if (y[i] < bestY || (x[i] == lastX && y[i] == lastY)) {
                out.add(i);
                bestY = Math.min(bestY, y[i]);
                lastX = x[i];
                lastY = y[i];
            }
        }
        return out;
    }
}
