package dev.pollsim.sim.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One point of a sweep: a scenario, a policy label and one assignment of the grid's values,
 * checked and in canonical form. Its replications are {@link SweepCell}s. Immutable.
 *
 * @param index position in the sweep, from 0, in expansion order
 * @param scenario the scenario as the cells carry it
 * @param scenarioName the scenario's name, for reports
 * @param days simulated days
 * @param baseSeed the scenario's master seed (replication 0's)
 * @param daemons fleet size, for reports
 * @param label the policy label
 * @param policyName the policy the label names
 * @param grid the grid's values for this point, by parameter, canonical ({@code cap=1m})
 * @param params every parameter of the policy, canonical, as the result reports them
 * @param sets the {@code LABEL.PARAM=VALUE} assignments its cells apply ({@code --set} then grid)
 * @param lowerBound whether this is the {@code oracle} bound rather than a candidate
 */
public record SweepPoint(int index, ScenarioRef scenario, String scenarioName, int days, long baseSeed, int daemons,
        String label, String policyName, Map<String, String> grid, Map<String, String> params, List<String> sets,
        boolean lowerBound) {

    public SweepPoint {
        grid = Collections.unmodifiableMap(new LinkedHashMap<>(grid));
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        sets = List.copyOf(sets);
    }

    /** Replication {@code r} of this point. */
    public SweepCell cell(int r) {
        return new SweepCell(scenario.given(), scenario.source(), scenario.yaml(), days, r,
                Replications.seedOf(baseSeed, r), label, sets);
    }

    /** The grid's values as {@code cap=1m multiplier=2}, or empty. */
    public String gridText() {
        StringBuilder b = new StringBuilder();
        grid.forEach((k, v) -> b.append(b.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return b.toString();
    }
}
