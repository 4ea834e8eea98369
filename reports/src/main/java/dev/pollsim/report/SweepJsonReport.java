package dev.pollsim.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pollsim.sim.sweep.PointResult;
import dev.pollsim.sim.sweep.SweepCell;
import dev.pollsim.sim.sweep.SweepPoint;
import dev.pollsim.sim.sweep.SweepResult;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON form of a sweep. Field names are a public contract, like {@link JsonReport}'s: added
 * to, never renamed. Every metric is {@code {mean, halfWidth, n}} under its dotted JSON name
 * ({@code wakeLatencyMs.p99}); {@code halfWidth} is null with one replication. Each cell carries
 * its seed, the command that re-runs it alone, and its result in {@code pollsim run}'s form.
 * The same sweep always gives the same bytes, whatever the thread count.
 *
 * <pre>
 * {replications {initial, sequential, [targetHalfWidth, targetMetrics, max], confidence},
 *  scenarios: [{scenario, seed, days, daemons, frontier: [point...], lowerBound: [point...]}],
 *  points: [{point, scenario, policy, policyName, lowerBound, onFrontier, grid, params,
 *            replications, metrics {NAME: {mean, halfWidth, n}}, cells: [{replication, seed, command, result}]}]}
 * </pre>
 */
public final class SweepJsonReport {

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    private final JsonReport runs = new JsonReport(false);

    /** The sweep as a JSON document, ending in a newline. */
    public String render(SweepResult sweep) {
        try {
            return mapper.writeValueAsString(tree(sweep)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sweep as a JSON tree. */
    public ObjectNode tree(SweepResult sweep) {
        ObjectNode root = mapper.createObjectNode();
        SweepFormat.replications(root.putObject("replications"), sweep.replications());
        Map<String, List<Integer>> frontiers = sweep.frontiers();
        Set<Integer> onFrontier = new HashSet<>();
        frontiers.values().forEach(onFrontier::addAll);
        ArrayNode scenarios = root.putArray("scenarios");
        for (String name : sweep.scenarios()) {
            SweepPoint first = sweep.points().stream().map(PointResult::point)
                    .filter(p -> p.scenarioName().equals(name)).findFirst().orElseThrow();
            ObjectNode s = scenarios.addObject();
            s.put("scenario", name);
            s.put("seed", first.baseSeed());
            s.put("days", first.days());
            s.put("daemons", first.daemons());
            frontiers.get(name).forEach(s.putArray("frontier")::add);
            ArrayNode bounds = s.putArray("lowerBound");
            sweep.lowerBounds(name).forEach(p -> bounds.add(p.point().index()));
        }
        ArrayNode points = root.putArray("points");
        for (PointResult p : sweep.points()) {
            points.add(point(p, onFrontier.contains(p.point().index())));
        }
        return root;
    }

    /** One point: its identity, estimates and cells. */
    ObjectNode point(PointResult r, boolean onFrontier) {
        SweepPoint p = r.point();
        ObjectNode o = mapper.createObjectNode();
        o.put("point", p.index());
        o.put("scenario", p.scenarioName());
        o.put("policy", p.label());
        o.put("policyName", p.policyName());
        o.put("lowerBound", p.lowerBound());
        o.put("onFrontier", onFrontier);
        ObjectNode grid = o.putObject("grid");
        p.grid().forEach(grid::put);
        ObjectNode params = o.putObject("params");
        p.params().forEach(params::put);
        o.put("replications", r.replications());
        SweepFormat.metrics(o.putObject("metrics"), r);
        ArrayNode cells = o.putArray("cells");
        for (int i = 0; i < r.replications(); i++) {
            SweepCell c = r.cell(i);
            ObjectNode cell = cells.addObject();
            cell.put("replication", c.replication());
            cell.put("seed", c.seed());
            cell.put("command", c.command());
            cell.set("result", runs.result(r.runs().get(i)));
        }
        return o;
    }
}
