package dev.pollsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pollsim.policy.builtin.BuiltinPolicies;
import dev.pollsim.sim.explain.Explainer;
import dev.pollsim.sim.explain.Timeline;
import dev.pollsim.sim.scenario.PolicySelection;
import dev.pollsim.sim.scenario.Scenario;
import dev.pollsim.sim.scenario.ScenarioLoader;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code pollsim explain}'s text and JSON Lines, sealed by golden files on small hand-worked scenarios. */
class TimelineReportTest {

    private static final long S = 1_000_000L;

    /** One daemon, two slots, three local jobs of 20 s at 25 s (worked out by hand in ExplainerTest). */
    private static final String SMALL = String.join("\n",
            "name: small",
            "days: 1",
            "seed: 1",
            "workload: {kind: burst, count: 3, at: 25s, serviceTime: 20s}",
            "fleet: {daemons: 1, maxConcurrent: 2, requestsPerTick: 1, startPhases: aligned, origin: local}",
            "policies:",
            "  mine:",
            "    policy: composed",
            "    curve: {kind: exponential, floor: 10s, cap: 40s}",
            "    wakeOn: [localEnqueue]",
            "    suspendAfter: 1m",
            "  exp-idle: {}",
            "");

    /** Errors, a failed job's retry, tick latency and spawn gaps, for every kind of line. */
    private static final String ERRORS = String.join("\n",
            "name: errors",
            "days: 1",
            "seed: 5",
            "workload: {kind: burst, count: 3, at: 50s, serviceTime: 30s}",
            "fleet: {daemons: 1, maxConcurrent: 4, requestsPerTick: 1, startPhases: aligned, tickLatency: 250ms}",
            "faults:",
            "  errors:",
            "    - {from: 0s, to: 45s, error: 429}",
            "  jobFailures: {probability: 1, retryAfter: 40s, maxAttempts: 2}",
            "  reloads:",
            "    - {at: 2m, maxConcurrent: 3}",
            "policies:",
            "  mine:",
            "    policy: composed",
            "    curve: {kind: geometric, factor: 1.5, floor: 10s, cap: 1m}",
            "    wakeOn: [retryDeadline, freedSlot]",
            "    deadlineClamp: {floor: 1s}",
            "    batch: {size: 2, spawnJitter: {min: 50ms, max: 150ms}}",
            "");

    private static Timeline explain(String yaml, String label, long fromUs, long toUs) {
        Scenario s = new ScenarioLoader().parse(yaml, "t.yaml");
        var p = new PolicySelection(BuiltinPolicies.catalogue()).select(s, List.of(label), List.of()).get(0);
        return Explainer.explain(s, p, 0, fromUs, toUs, Explainer.DEFAULT_LIMIT);
    }

    @Test
    void textShouldMatchItsGoldenFile() throws IOException {
        Golden.assertMatches("explain-small.txt", new TimelineReport().text(explain(SMALL, "mine", 0, 3 * 60 * S)));
        Golden.assertMatches("explain-errors.txt", new TimelineReport().text(explain(ERRORS, "mine", 0, 4 * 60 * S)));
        Golden.assertMatches("explain-exp-idle.txt", new TimelineReport().text(explain(SMALL, "exp-idle", 0, 2 * 60 * S)));
    }

    @Test
    void jsonLinesShouldMatchItsGoldenFileAndParseLineByLine() throws IOException {
        String jsonl = new TimelineReport().jsonLines(explain(ERRORS, "mine", 0, 4 * 60 * S));
        Golden.assertMatches("explain-errors.jsonl", jsonl);
        ObjectMapper mapper = new ObjectMapper();
        for (String line : jsonl.split("\n")) {
            JsonNode o = mapper.readTree(line);
            assertThat(o.get("event").asText()).isIn("tick", "wake", "slotFreed", "spawn", "restart", "reload");
            assertThat(o.get("atUs").isIntegralNumber()).isTrue();
            assertThat(o.has("at") && o.has("daemon") && o.has("loop")).isTrue();
        }
        assertThat(jsonl).contains("\"error\":\"429\"", "\"event\":\"spawn\"", "\"event\":\"reload\"",
                "\"kind\":\"retryDeadline\"", "\"event\":\"slotFreed\"", "\"suspended\":false");
    }

    @Test
    void aTruncatedTimelineShouldSaySo() {
        Scenario s = new ScenarioLoader().parse(SMALL, "t.yaml");
        var p = new PolicySelection(BuiltinPolicies.catalogue()).select(s, List.of("mine"), List.of()).get(0);
        Timeline t = Explainer.explain(s, p, 0, 0, 3 * 60 * S, 3);
        assertThat(new TimelineReport().text(t)).endsWith("... stopped after 3 events; narrow --from/--to or raise"
                + " --limit\n");
        assertThat(new TimelineReport().jsonLines(t)).endsWith("{\"event\":\"truncated\",\"limit\":3}\n");
        assertThat(new TimelineReport().text(Explainer.explain(s, p, 0, 10 * 60 * S, 11 * 60 * S, 3)))
                .endsWith("(no event in this window)\n");
    }

    @Test
    void theClockShouldBeExactAndKeepCountingHours() {
        assertThat(TimelineReport.clock(0)).isEqualTo("00:00:00.000");
        assertThat(TimelineReport.clock(7_985_250_000L)).isEqualTo("02:13:05.250");
        assertThat(TimelineReport.clock(26 * 3_600 * S + 1)).isEqualTo("26:00:00.000001");
    }
}
