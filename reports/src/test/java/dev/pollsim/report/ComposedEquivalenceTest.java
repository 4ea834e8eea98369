package dev.pollsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pollsim.policy.builtin.BuiltinPolicies;
import dev.pollsim.sim.metrics.LoopCounts;
import dev.pollsim.sim.metrics.PolicyResult;
import dev.pollsim.sim.run.RunReport;
import dev.pollsim.sim.run.ScenarioRunner;
import dev.pollsim.sim.scenario.PolicySelection;
import dev.pollsim.sim.scenario.Scenario;
import dev.pollsim.sim.scenario.ScenarioLoader;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A composed definition reproduces a seed preset exactly where the seed's quirks allow: on the
 * same scenario and seed, the composed run's result equals the preset's and its JSON is the same
 * bytes, but for the three fields that name the policy ({@code policy}, {@code policyName},
 * {@code params}). The worlds below have what the presets react to: local enqueues, tick latency,
 * a warm window with cold starts, a rate limit, 429 and 5xx windows, failed jobs and their retry
 * deadlines, a restart and reloads.
 */
class ComposedEquivalenceTest {

    /** A busy world with every kind of event a preset reacts to. */
    private static final String WORLD = String.join("\n",
            "name: equivalence",
            "days: 3",
            "seed: 9",
            "workload:",
            "  kind: diurnal",
            "  hourly: [1, 0, 0, 0, 0, 1, 2, 5, 12, 20, 24, 22, 16, 20, 24, 22, 18, 12, 8, 5, 4, 3, 2, 1]",
            "  serviceTime: {dist: exponential, mean: 4m}",
            "fleet: {daemons: 3, maxConcurrent: 2, requestsPerTick: 2, origin: local, tickLatency: 150ms}",
            "upstream: {warmWindow: 5m, coldStart: 2s, rateLimit: {requests: 1, per: 4s, burst: 4}}",
            "faults:",
            "  errors:",
            "    - {from: 9h, to: 10h, error: 429, rate: 0.5}",
            "    - {from: 13h, to: 14h, error: 5xx, rate: 0.7}",
            "  jobFailures: {probability: 0.1, retryAfter: 3m, maxAttempts: 3}",
            "  restarts:",
            "    - {at: 30h, daemon: 1, downtime: 20s}",
            "  reloads:",
            "    - {at: 40h, maxConcurrent: 3}",
            "");

    /** Bursts that fill every slot, and a reload of the hot batch size. */
    private static final String BURSTS = String.join("\n",
            "name: bursts",
            "days: 2",
            "seed: 4",
            "workload: {kind: bursty, ratePerHour: 600, offRatePerHour: 2, meanOn: 10m, meanOff: 1h,",
            "           serviceTime: {dist: exponential, mean: 3m}}",
            "fleet: {daemons: 2, maxConcurrent: 8, requestsPerTick: 1, tickLatency: 100ms}",
            "faults:",
            "  errors:",
            "    - {from: 5h, to: 6h, error: 5xx, rate: 0.5}",
            "  jobFailures: {probability: 0.05, retryAfter: 2m}",
            "  restarts:",
            "    - {at: 20h, downtime: 5s}",
            "");

    /** The bursts with a reload of batched's hot field, named for each policy that declares it. */
    private static final String BURSTS_RELOAD = BURSTS + String.join("\n",
            "  reloads:",
            "    - {at: 12h, maxConcurrent: 12, params: {spawnsPerTick: 2, batch: {size: 2}}}",
            "");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static RunReport run(String world, String policies) {
        Scenario s = new ScenarioLoader().parse(world + "policies:\n" + policies, "equivalence.yaml");
        return new ScenarioRunner(2).run(s, new PolicySelection(BuiltinPolicies.catalogue()).select(s, List.of(), List.of()));
    }

    /** Runs the preset and the composed definition side by side and proves them the same. */
    private static PolicyResult assertEquivalent(String world, String preset, String composed) throws IOException {
        RunReport report = run(world, "  preset: " + preset + "\n  composed: " + composed + "\n");
        PolicyResult a = report.results().get(0);
        PolicyResult b = report.results().get(1);
        assertThat(b.policy()).isEqualTo("composed");
        assertThat(anonymous(b)).isEqualTo(anonymous(a));
        JsonNode json = MAPPER.readTree(new JsonReport(true).render(report));
        assertThat(MAPPER.writeValueAsString(strip(json.get("results").get(1))))
                .isEqualTo(MAPPER.writeValueAsString(strip(json.get("results").get(0))));
        return a;
    }

    private static PolicyResult anonymous(PolicyResult r) {
        return new PolicyResult("-", "-", Map.of(), r.horizonUs(), r.requests(), r.requestsByKind(),
                r.requestsPerDaemon(), r.requestsByLoop(), r.wakeLatency(), r.timeToStart(), r.rampTimeUs(), r.jobs(),
                r.loops(), r.upstream(), r.hourly(), r.intervals());
    }

    private static JsonNode strip(JsonNode result) {
        ObjectNode o = result.deepCopy();
        o.remove(List.of("policy", "policyName", "params"));
        return o;
    }

    @Test
    void composedFixedShouldReproduceFixed() throws IOException {
        PolicyResult r = assertEquivalent(WORLD, "{policy: fixed, interval: 10s}",
                "{policy: composed, curve: {kind: fixed, floor: 10s}, errors: {mode: idle}}");
        assertThat(r.upstream().rateLimited()).isPositive();
        assertThat(r.upstream().serverErrors()).isPositive();
        assertThat(r.jobs().retried()).isPositive();
    }

    @Test
    void composedExpIdleShouldReproduceExpIdleThroughErrorsRetriesAndARestart() throws IOException {
        PolicyResult r = assertEquivalent(WORLD, "{policy: exp-idle}", String.join(" ",
                "{policy: composed, curve: {kind: geometric, factor: 1.5, floor: 10s, cap: 2m},",
                "reset: [work, freedSlot, wake], saturation: hold,",
                "errors: {rateLimited: {min: 30s, factor: 2, cap: 1m}, other: {factor: 2, cap: 1m}},",
                "wakeOn: [freedSlot, retryDeadline], wakeRearm: replace, deadlineClamp: {floor: 1s}}"));
        assertThat(r.upstream().rateLimited()).isPositive();
        assertThat(r.upstream().serverErrors()).isPositive();
        assertThat(r.jobs().retried()).isPositive();
        assertThat(r.saturatedTicks()).isPositive();
        assertThat(r.loops().restarts()).isEqualTo(1);
        assertEquivalent(BURSTS, "{policy: exp-idle, cap: 5m, multiplier: 2}", String.join(" ",
                "{policy: composed, curve: {kind: geometric, factor: 2, floor: 10s, cap: 5m},",
                "wakeOn: [freedSlot, retryDeadline], wakeRearm: replace, deadlineClamp: {floor: 1s}}"));
    }

    @Test
    void composedIdleStreakShouldReproduceIdleStreak() throws IOException {
        String noRestart = WORLD.replace("  restarts:\n    - {at: 30h, daemon: 1, downtime: 20s}\n", "");
        String preset = "{policy: idle-streak}";
        String composed = "{policy: composed, curve: {kind: idle-streak, floor: 5s, maxStreak: 7}, reset: [work, freedSlot],"
                + " errors: {mode: idle}}";
        PolicyResult r = assertEquivalent(noRestart, preset, composed);
        assertThat(r.upstream().serverErrors()).isPositive();
        assertEquivalent(BURSTS.replace("  restarts:\n    - {at: 20h, downtime: 5s}\n", ""),
                "{policy: idle-streak, interval: 2s, maxBackoffMultiplier: 4}",
                "{policy: composed, curve: {kind: idle-streak, floor: 2s, maxStreak: 3}, reset: [work, freedSlot],"
                        + " errors: {mode: idle}}");
    }

    @Test
    void afterARestartIdleStreakShouldDifferOnlyInTheDueTimeItsStatusReports() {
        // seed 002's status says the next tick is due one interval after the last (here: after the
        // restart), while the restarted loop first waits its downtime (20 s): it reports 15 s overdue;
        // a composed policy reports the time it scheduled
        RunReport report = run(WORLD, "  preset: {policy: idle-streak}\n  composed: {policy: composed, curve: {kind:"
                + " idle-streak, floor: 5s, maxStreak: 7}, reset: [work, freedSlot], errors: {mode: idle}}\n");
        PolicyResult a = report.results().get(0);
        PolicyResult b = report.results().get(1);
        assertThat(a.loops().maxOverdueUs()).isEqualTo(15_000_000L);
        assertThat(b.loops().maxOverdueUs()).isZero();
        assertThat(withoutOverdue(anonymous(b))).isEqualTo(withoutOverdue(anonymous(a)));
    }

    private static PolicyResult withoutOverdue(PolicyResult r) {
        var l = r.loops();
        return new PolicyResult(r.label(), r.policy(), r.params(), r.horizonUs(), r.requests(), r.requestsByKind(),
                r.requestsPerDaemon(), r.requestsByLoop(), r.wakeLatency(), r.timeToStart(), r.rampTimeUs(), r.jobs(),
                new LoopCounts(l.ticks(), l.saturatedTicks(), l.suspends(), l.wakes(),
                        l.restarts(), 0), r.upstream(), r.hourly(), r.intervals());
    }

    @Test
    void composedBatchedShouldReproduceBatchedWithItsSpawnJitterAndAReload() throws IOException {
        PolicyResult r = assertEquivalent(BURSTS_RELOAD, "{policy: batched}",
                "{policy: composed, curve: {kind: fixed, floor: 5s}, errors: {mode: idle},"
                        + " batch: {size: 4, spawnJitter: {min: 50ms, max: 150ms}}}");
        assertThat(r.saturatedTicks()).isPositive();
        assertThat(r.timeToStart().meanUs()).isGreaterThan(r.wakeLatency().meanUs());
        assertEquivalent(WORLD, "{policy: batched, spawnsPerTick: 1, interval: 3s}",
                "{policy: composed, curve: {kind: fixed, floor: 3s}, errors: {mode: idle},"
                        + " batch: {size: 1, spawnJitter: {min: 50ms, max: 150ms}}}");
    }

    @Test
    void theComparisonShouldTellANearMissApart() {
        RunReport report = run(WORLD, "  preset: {policy: exp-idle}\n  composed: {policy: composed, curve: {kind:"
                + " geometric, factor: 1.5, floor: 10s, cap: 2m}, wakeOn: [freedSlot, retryDeadline],"
                + " deadlineClamp: {floor: 1s}}\n");
        // without wakeRearm: replace, a freed slot no longer postpones a poll due within the floor
        assertThat(anonymous(report.results().get(1))).isNotEqualTo(anonymous(report.results().get(0)));
    }
}
