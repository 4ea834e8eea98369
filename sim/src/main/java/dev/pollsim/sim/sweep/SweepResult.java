package dev.pollsim.sim.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every point of a sweep with its replications, in the sweep's order, and the trade-off frontier
 * of each scenario. Immutable.
 *
 * @param points every point's result, by point index
 * @param replications how the replications were chosen
 */
public record SweepResult(List<PointResult> points, Replications replications) {

    /** The metric on the frontier's horizontal axis. */
    public static final String COST = "requestsPerDay";
    /** The metric on the frontier's vertical axis. */
    public static final String LATENCY = "wakeLatencyMs.p99";

    public SweepResult {
        points = List.copyOf(points);
    }

    /** The scenario names, in order, each once. */
    public List<String> scenarios() {
        return points.stream().map(p -> p.point().scenarioName()).distinct().toList();
    }

    /**
     * The frontier of each scenario: point indexes, by requests per day ascending (see
     * {@link Pareto#frontier}). The lower-bound points are not candidates.
     */
    public Map<String, List<Integer>> frontiers() {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        for (String scenario : scenarios()) {
            List<PointResult> candidates = new ArrayList<>();
            points.stream().filter(p -> p.point().scenarioName().equals(scenario) && !p.point().lowerBound())
                    .forEach(candidates::add);
            double[] x = new double[candidates.size()];
            double[] y = new double[candidates.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = candidates.get(i).estimate(COST).mean();
                y[i] = candidates.get(i).estimate(LATENCY).mean();
            }
            out.put(scenario, Pareto.frontier(x, y).stream().map(i -> candidates.get(i).point().index()).toList());
        }
        return out;
    }

    /** The lower-bound points of a scenario (normally one, {@code oracle}). */
    public List<PointResult> lowerBounds(String scenario) {
        return points.stream().filter(p -> p.point().scenarioName().equals(scenario) && p.point().lowerBound())
                .toList();
    }
}
