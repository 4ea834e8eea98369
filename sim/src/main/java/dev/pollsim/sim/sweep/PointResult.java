package dev.pollsim.sim.sweep;

import dev.pollsim.sim.metrics.PolicyResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A point's replications and every metric's estimate over them. Immutable.
 *
 * @param point the point
 * @param runs one result per replication, by replication index
 * @param estimates every {@link SweepMetric}'s estimate, by name, in {@link SweepMetric#ALL} order
 */
public record PointResult(SweepPoint point, List<PolicyResult> runs, Map<String, Estimate> estimates) {

    public PointResult {
        runs = List.copyOf(runs);
        estimates = Collections.unmodifiableMap(new LinkedHashMap<>(estimates));
    }

    /** Aggregates the runs of a point, replication 0 first. */
    public static PointResult of(SweepPoint point, List<PolicyResult> runs) {
        Map<String, Estimate> estimates = new LinkedHashMap<>();
        double[] values = new double[runs.size()];
        for (SweepMetric m : SweepMetric.ALL) {
            for (int i = 0; i < values.length; i++) {
                values[i] = m.of(runs.get(i));
            }
            estimates.put(m.name(), Estimate.of(values));
        }
        return new PointResult(point, runs, estimates);
    }

    /** The estimate of one metric. */
    public Estimate estimate(String metric) {
        Estimate e = estimates.get(metric);
        if (e == null) {
            throw new IllegalArgumentException("no metric " + metric);
        }
        return e;
    }

    /** Replications run. */
    public int replications() {
        return runs.size();
    }

    /** The cell of each replication, by index. */
    public SweepCell cell(int replication) {
        return point.cell(replication);
    }
}
