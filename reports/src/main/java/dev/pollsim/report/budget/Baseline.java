package dev.pollsim.report.budget;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.pollsim.sim.scenario.ScenarioException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Earlier results to compare a check with: the JSON of {@code pollsim run --format json} (one
 * scenario) or of {@code pollsim check --results} ({@code {"runs": [...]}}, every scenario of a
 * budgets file), read as a tree by the documented field names. Results are matched by scenario
 * name and policy label. Immutable.
 */
public final class Baseline {

    /** No baseline: nothing is compared. */
    public static final Baseline NONE = new Baseline(Map.of(), false);

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final Map<String, Run> runs;
    private final boolean present;

    private Baseline(Map<String, Run> runs, boolean present) {
        this.runs = Collections.unmodifiableMap(new LinkedHashMap<>(runs));
        this.present = present;
    }

    /**
     * One scenario's run in the baseline.
     *
     * @param source the file it was read from
     * @param seed its master seed, or {@code null} if the file does not say
     * @param days its simulated days, or {@code null} if the file does not say
     * @param results each policy label's result, as JSON
     */
    public record Run(String source, Long seed, Integer days, Map<String, JsonNode> results) {
        public Run {
            results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
        }
    }

    /**
     * Reads baseline files.
     *
     * @throws ScenarioException naming the file when one is missing, not JSON, not a run's JSON, or
     *     when two hold the same scenario
     */
    public static Baseline read(List<Path> files) {
        Map<String, Run> runs = new LinkedHashMap<>();
        for (Path f : files) {
            String text;
            try {
                text = Files.readString(f, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new ScenarioException("--baseline " + f + ": no such file");
            } catch (IOException e) {
                throw new ScenarioException("--baseline " + f + ": cannot read: " + e.getMessage(), e);
            }
            add(runs, runs(text, "--baseline " + f));
        }
        return new Baseline(runs, true);
    }

    /**
     * Reads one baseline document.
     *
     * @param source names the document in messages
     */
    public static Baseline parse(String json, String source) {
        Map<String, Run> runs = new LinkedHashMap<>();
        add(runs, runs(json, source));
        return new Baseline(runs, true);
    }

    /** Whether a baseline was given at all. */
    public boolean present() {
        return present;
    }

    /** The baseline's run of a scenario. */
    public Optional<Run> run(String scenario) {
        return Optional.ofNullable(runs.get(scenario));
    }

    private static void add(Map<String, Run> into, Map<String, Run> more) {
        more.forEach((scenario, run) -> {
            Run before = into.putIfAbsent(scenario, run);
            if (before != null) {
                throw new ScenarioException(run.source() + ": scenario '" + scenario + "' is also in "
                        + before.source() + "; a baseline holds each scenario once");
            }
        });
    }

    private static Map<String, Run> runs(String json, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() <= 0 ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new ScenarioException(source + where + ": not JSON: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        Map<String, Run> out = new LinkedHashMap<>();
        if (root != null && root.isObject() && root.has("runs")) {
            JsonNode list = root.get("runs");
            if (!list.isArray()) {
                throw new ScenarioException(source + ": runs: expected a list of runs");
            }
            for (int i = 0; i < list.size(); i++) {
                String at = "runs[" + i + "].";
                add(out, Map.of(scenario(list.get(i), source, at), run(list.get(i), source, at)));
            }
            return out;
        }
        if (root == null || !root.isObject() || !root.has("results")) {
            throw new ScenarioException(source + ": expected the JSON of `pollsim run --format json` (with scenario and"
                    + " results) or of `pollsim check --results` (with runs)");
        }
        out.put(scenario(root, source, ""), run(root, source, ""));
        return out;
    }

    private static String scenario(JsonNode run, String source, String at) {
        JsonNode s = run.path("scenario");
        if (!s.isTextual()) {
            throw new ScenarioException(source + ": " + at + "scenario: expected the scenario's name");
        }
        return s.asText();
    }

    private static Run run(JsonNode run, String source, String at) {
        JsonNode results = run.path("results");
        if (!results.isArray()) {
            throw new ScenarioException(source + ": " + at + "results: expected a list of policy results");
        }
        Map<String, JsonNode> byLabel = new LinkedHashMap<>();
        for (int i = 0; i < results.size(); i++) {
            JsonNode label = results.get(i).path("policy");
            if (!label.isTextual()) {
                throw new ScenarioException(source + ": " + at + "results[" + i + "].policy: expected the policy's label");
            }
            if (byLabel.put(label.asText(), results.get(i)) != null) {
                throw new ScenarioException(source + ": " + at + "results[" + i + "].policy: label '" + label.asText()
                        + "' appears twice");
            }
        }
        JsonNode seed = run.path("seed");
        JsonNode days = run.path("days");
        return new Run(source, seed.canConvertToLong() ? seed.asLong() : null,
                days.canConvertToInt() ? days.asInt() : null, byLabel);
    }
}
