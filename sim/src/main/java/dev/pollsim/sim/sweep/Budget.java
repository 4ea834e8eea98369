package dev.pollsim.sim.sweep;

import dev.pollsim.sim.scenario.ScenarioException;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A limit on a metric's mean over replications, {@code --budget requestsPerDay<=3000} or
 * {@code --budget jobs.completed>=100}. Immutable.
 *
 * @param metric the metric, named as in the JSON output
 * @param atMost true for {@code <=}, false for {@code >=}
 * @param limit the limit, in the metric's JSON unit
 */
public record Budget(String metric, boolean atMost, double limit) {

    private static final Pattern FORMAT = Pattern.compile("\\s*([A-Za-z][A-Za-z0-9.]*)\\s*(<=|>=)\\s*(\\S+)\\s*");

    /**
     * Parses {@code METRIC<=VALUE} or {@code METRIC>=VALUE}.
     *
     * @throws ScenarioException naming {@code --budget} and the value
     */
    public static Budget parse(String text) {
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            throw new ScenarioException("--budget " + text + ": expected METRIC<=VALUE or METRIC>=VALUE, such as"
                    + " requestsPerDay<=3000");
        }
        try {
            SweepMetric.named(m.group(1));
        } catch (ScenarioException e) {
            throw new ScenarioException("--budget " + text + ": " + e.getMessage());
        }
        double limit;
        try {
            limit = new BigDecimal(m.group(3)).doubleValue();
        } catch (NumberFormatException e) {
            throw new ScenarioException("--budget " + text + ": expected a number after " + m.group(2) + ", got '"
                    + m.group(3) + "'");
        }
        return new Budget(m.group(1), m.group(2).equals("<="), limit);
    }

    /** Whether a mean meets the limit (NaN never does). */
    public boolean met(double mean) {
        return atMost ? mean <= limit : mean >= limit;
    }

    /**
     * How far a mean is beyond the limit, relative to the limit's magnitude (at least 1): 0 when
     * met, 1 for NaN.
     */
    public double violation(double mean) {
        if (Double.isNaN(mean)) {
            return 1;
        }
        double over = atMost ? mean - limit : limit - mean;
        return over <= 0 ? 0 : over / Math.max(1, Math.abs(limit));
    }

    @Override
    public String toString() {
        return metric + (atMost ? "<=" : ">=") + BigDecimal.valueOf(limit).stripTrailingZeros().toPlainString();
    }
}
