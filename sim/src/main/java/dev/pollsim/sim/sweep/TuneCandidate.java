package dev.pollsim.sim.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One setting the tuner evaluated: the values it tried, the point's estimates, and how it ranks.
 *
 * @param index evaluation number, from 0
 * @param values the tuned parameters' values, canonical
 * @param result the point's replications and estimates
 * @param feasible whether every budget's mean is met
 * @param violation how far the budgets are missed, summed relative to their limits (0 when feasible)
 * @param objective the objective's mean, NaN when it has no value
 * @param refused why the policy refused these values together (such as a cap below the
 *     interval), or {@code null}; a refused setting has no result and ranks below every other
 */
public record TuneCandidate(int index, Map<String, String> values, PointResult result, boolean feasible,
        double violation, double objective, String refused) {

    public TuneCandidate {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Whether the setting was run (not refused). */
    public boolean evaluated() {
        return refused == null;
    }
}
