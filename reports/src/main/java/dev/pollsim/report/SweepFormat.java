package dev.pollsim.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pollsim.sim.sweep.Estimate;
import dev.pollsim.sim.sweep.PointResult;
import dev.pollsim.sim.sweep.Replications;
import dev.pollsim.sim.sweep.SweepMetric;
import java.math.BigDecimal;
import java.util.Locale;

/** How estimates are written in every sweep and tuning report: one rule, {@link Locale#ROOT}. */
final class SweepFormat {

    /** Said under every table with intervals. */
    static final String FOOTNOTE = "± 95% confidence half-width over replications (Student t, n - 1 degrees of"
            + " freedom); none with one replication.";

    private SweepFormat() {}

    /** {@code {mean, halfWidth, n}}, rounded as the metric's JSON value; null where there is none. */
    static void estimate(ObjectNode into, Estimate e, int places) {
        number(into, "mean", e.mean(), places);
        number(into, "halfWidth", e.halfWidth(), places);
        into.put("n", e.n());
    }

    /** Every metric's estimate of a point, by JSON name. */
    static void metrics(ObjectNode into, PointResult p) {
        for (SweepMetric m : SweepMetric.ALL) {
            estimate(into.putObject(m.name()), p.estimate(m.name()), m.places());
        }
    }

    static void number(ObjectNode into, String field, double value, int places) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            into.putNull(field);
        } else {
            into.put(field, Units.round(value, places));
        }
    }

    /** How the replications were chosen, in JSON. */
    static void replications(ObjectNode into, Replications r) {
        into.put("initial", r.initial());
        into.put("sequential", r.sequential());
        if (r.sequential()) {
            into.put("targetHalfWidth", BigDecimal.valueOf(r.targetRelativeHalfWidth()));
            r.targetMetrics().forEach(into.putArray("targetMetrics")::add);
            into.put("max", r.max());
        }
        into.put("confidence", BigDecimal.valueOf(Estimate.CONFIDENCE));
    }

    /** How the replications were chosen, in words. */
    static String replications(Replications r) {
        if (!r.sequential()) {
            return r.initial() + " replication" + (r.initial() == 1 ? "" : "s") + " each";
        }
        return String.format(Locale.ROOT, "%d replications each, then more until ±%s%% on %s (at most %d)",
                r.initial(), BigDecimal.valueOf(r.targetRelativeHalfWidth() * 100).stripTrailingZeros().toPlainString(),
                String.join(", ", r.targetMetrics()), r.max());
    }

    /** {@code mean ± half-width} in the metric's natural precision, or {@code -} with no value. */
    static String text(Estimate e, double scale) {
        if (e.n() == 0) {
            return "-";
        }
        double mean = e.mean() * scale;
        int decimals = decimals(mean);
        String m = fixed(mean, decimals);
        return e.hasInterval() ? m + " ± " + fixed(e.halfWidth() * scale, decimals) : m;
    }

    /** Decimals that show a value of this size to three or four significant digits (two below 1, four below 0.01). */
    static int decimals(double v) {
        double a = Math.abs(v);
        if (a >= 1000 || a == 0) {
            return 0;
        }
        if (a >= 100) {
            return 1;
        }
        if (a >= 0.01) {
            return 2;
        }
        return 4;
    }

    static String fixed(double v, int decimals) {
        return decimals == 0 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
