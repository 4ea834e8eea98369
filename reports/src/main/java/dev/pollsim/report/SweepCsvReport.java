package dev.pollsim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.pollsim.sim.sweep.Estimate;
import dev.pollsim.sim.sweep.PointResult;
import dev.pollsim.sim.sweep.SweepMetric;
import dev.pollsim.sim.sweep.SweepPoint;
import dev.pollsim.sim.sweep.SweepResult;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The CSV form of a sweep: one row per point, every metric as {@code NAME_mean} and
 * {@code NAME_halfWidth} with the JSON names flattened ({@code wakeLatencyMs_p99_mean}); empty
 * where there is no value or no interval. {@code seeds} lists the replications' seeds.
 */
public final class SweepCsvReport {

    private final CsvMapper mapper = new CsvMapper();

    /** The sweep as CSV, ending in a newline. */
    public String render(SweepResult sweep) {
        Set<Integer> onFrontier = new HashSet<>();
        sweep.frontiers().values().forEach(onFrontier::addAll);
        List<Map<String, Object>> rows = new ArrayList<>();
        sweep.points().forEach(p -> rows.add(row(p, onFrontier.contains(p.point().index()))));
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        rows.get(0).keySet().forEach(schema::addColumn);
        try {
            return mapper.writer(schema.build()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> row(PointResult r, boolean onFrontier) {
        SweepPoint p = r.point();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("point", p.index());
        row.put("scenario", p.scenarioName());
        row.put("days", p.days());
        row.put("policy", p.label());
        row.put("policyName", p.policyName());
        row.put("lowerBound", p.lowerBound());
        row.put("onFrontier", onFrontier);
        row.put("grid", p.gridText());
        row.put("params", p.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" ")));
        row.put("replications", r.replications());
        StringBuilder seeds = new StringBuilder();
        for (int i = 0; i < r.replications(); i++) {
            seeds.append(i == 0 ? "" : " ").append(r.cell(i).seed());
        }
        row.put("seeds", seeds.toString());
        for (SweepMetric m : SweepMetric.ALL) {
            Estimate e = r.estimate(m.name());
            String name = m.name().replace('.', '_');
            row.put(name + "_mean", e.n() == 0 ? "" : Units.round(e.mean(), m.places()));
            row.put(name + "_halfWidth", e.hasInterval() ? Units.round(e.halfWidth(), m.places()) : "");
        }
        return row;
    }
}
