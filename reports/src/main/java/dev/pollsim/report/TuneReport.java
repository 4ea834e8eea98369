package dev.pollsim.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pollsim.sim.sweep.Budget;
import dev.pollsim.sim.sweep.PointResult;
import dev.pollsim.sim.sweep.SweepMetric;
import dev.pollsim.sim.sweep.SweepPoint;
import dev.pollsim.sim.sweep.TuneCandidate;
import dev.pollsim.sim.sweep.TuneRange;
import dev.pollsim.sim.sweep.TuneResult;
import dev.pollsim.sim.sweep.TuneSpec;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The result of {@code pollsim tune}: the best setting, the metrics it achieves with their 95%
 * intervals, how many settings were evaluated, and the commands that re-run it; as text or JSON
 * (names as in {@link SweepJsonReport}, a public contract). Formatted with {@link Locale#ROOT}.
 */
public final class TuneReport {

    /** Metrics the text shows after the objective and the budgets. */
    private static final List<String> SHOWN = List.of("requestsPerDay", "wakeLatencyMs.mean", "wakeLatencyMs.p50",
            "wakeLatencyMs.p99", "wakeLatencyMs.max", "jobs.stranded", "upstream.warmHoursPerDay");

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    /** The result as text, ending in a newline. */
    public String text(TuneSpec spec, TuneResult result) {
        TuneCandidate best = result.best();
        SweepPoint p = best.result().point();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "tune %s · scenario %s · seed %d · %d day%s · %d daemon%s · %s\n",
                spec.policy(), p.scenarioName(), p.baseSeed(), p.days(), p.days() == 1 ? "" : "s", p.daemons(),
                p.daemons() == 1 ? "" : "s", SweepFormat.replications(spec.replications())));
        b.append(String.format(Locale.ROOT, "%s %s%s\n", spec.maximize() ? "maximize" : "minimize", spec.objective(),
                spec.budgets().isEmpty() ? "" : " subject to " + spec.budgets().stream().map(Budget::toString)
                        .collect(Collectors.joining(", "))));
        b.append("over ").append(spec.ranges().stream().map(r -> r.text() + (r.logarithmic() ? " (log)" : ""))
                .collect(Collectors.joining(", "))).append('\n');
        b.append(String.format(Locale.ROOT, "evaluated %d settings: %d by CMA-ES, %d refining%s\n\n",
                result.evaluations(), result.optimiserEvaluations(),
                result.evaluations() - result.optimiserEvaluations(),
                result.refused() == 0 ? "" : String.format(Locale.ROOT,
                        " (and %d refused by the policy, not run)", result.refused())));
        b.append(best.feasible() ? "best" : "NO SETTING MEETS THE BUDGET; closest").append(": ")
                .append(best.values().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(" ")))
                .append(String.format(Locale.ROOT, " (setting #%d)\n\n", best.index()));
        TextTable table = new TextTable(false, "metric", "mean ± 95% half-width", "");
        for (String m : shown(spec)) {
            table.row(m, SweepFormat.text(best.result().estimate(m), 1), role(spec, m, best.result()));
        }
        b.append(table.render());
        b.append('\n').append(SweepFormat.FOOTNOTE).append('\n');
        b.append("\nRe-run these means and intervals:\n  ").append(spec.sweepCommand(best)).append('\n');
        b.append("or one replication alone:\n  ").append(best.result().cell(0).command()).append('\n');
        return b.toString();
    }

    /** The result as a JSON document, ending in a newline. */
    public String json(TuneSpec spec, TuneResult result) {
        TuneCandidate best = result.best();
        SweepPoint p = best.result().point();
        ObjectNode root = mapper.createObjectNode();
        root.put("scenario", p.scenarioName());
        root.put("seed", p.baseSeed());
        root.put("days", p.days());
        root.put("daemons", p.daemons());
        root.put("policy", spec.policy());
        ObjectNode objective = root.putObject("objective");
        objective.put("metric", spec.objective());
        objective.put("goal", spec.maximize() ? "maximize" : "minimize");
        ArrayNode budgets = root.putArray("budgets");
        spec.budgets().forEach(x -> budgets.add(x.toString()));
        ArrayNode over = root.putArray("over");
        for (TuneRange r : spec.ranges()) {
            ObjectNode o = over.addObject();
            o.put("param", r.param());
            o.put("from", r.at(0));
            o.put("to", r.at(1));
            o.put("scale", r.logarithmic() ? "log" : "linear");
        }
        SweepFormat.replications(root.putObject("replications"), spec.replications());
        root.put("evaluations", result.evaluations());
        root.put("refused", result.refused());
        root.put("optimiserEvaluations", result.optimiserEvaluations());
        root.put("feasible", best.feasible());
        ObjectNode b = root.putObject("best");
        b.put("setting", best.index());
        best.values().forEach(b.putObject("values")::put);
        p.params().forEach(b.putObject("params")::put);
        b.put("replications", best.result().replications());
        SweepFormat.number(b, "violation", best.violation(), 6);
        SweepFormat.metrics(b.putObject("metrics"), best.result());
        b.put("command", spec.sweepCommand(best));
        ArrayNode cells = b.putArray("cells");
        for (int i = 0; i < best.result().replications(); i++) {
            ObjectNode c = cells.addObject();
            c.put("replication", i);
            c.put("seed", best.result().cell(i).seed());
            c.put("command", best.result().cell(i).command());
        }
        int places = SweepMetric.named(spec.objective()).places();
        ArrayNode history = root.putArray("history");
        for (TuneCandidate c : result.history()) {
            ObjectNode h = history.addObject();
            h.put("setting", c.index());
            c.values().forEach(h.putObject("values")::put);
            if (!c.evaluated()) {
                h.put("refused", c.refused());
                continue;
            }
            h.put("feasible", c.feasible());
            SweepFormat.number(h, "violation", c.violation(), 6);
            SweepFormat.estimate(h.putObject("objective"), c.result().estimate(spec.objective()), places);
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> shown(TuneSpec spec) {
        Set<String> out = new LinkedHashSet<>();
        out.add(spec.objective());
        spec.budgets().forEach(x -> out.add(x.metric()));
        out.addAll(SHOWN);
        return new ArrayList<>(out);
    }

    private static String role(TuneSpec spec, String metric, PointResult r) {
        List<String> roles = new ArrayList<>();
        if (metric.equals(spec.objective())) {
            roles.add("objective");
        }
        for (Budget x : spec.budgets()) {
            if (x.metric().equals(metric)) {
                roles.add("budget " + (x.atMost() ? "<= " : ">= ")
                        + BigDecimal.valueOf(x.limit()).stripTrailingZeros().toPlainString()
                        + (x.met(r.estimate(metric).mean()) ? ", met" : ", MISSED"));
            }
        }
        return String.join("; ", roles);
    }
}
