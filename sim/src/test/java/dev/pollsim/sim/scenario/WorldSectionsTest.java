package dev.pollsim.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pollsim.policy.TickError;
import dev.pollsim.policy.builtin.BuiltinPolicies;
import dev.pollsim.sim.model.FaultPlan;
import dev.pollsim.sim.model.World;
import dev.pollsim.sim.run.ScenarioRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code upstream:}, {@code faults:} and {@code fleet.tickLatency} sections. */
class WorldSectionsTest {

    private final ScenarioLoader loader = new ScenarioLoader();
    private final PolicySelection selection = new PolicySelection(BuiltinPolicies.catalogue());

    private Scenario parse(String yaml) {
        return loader.parse(yaml, "w.yaml");
    }

    @Test
    void shouldReadEveryWorldField() {
        Scenario s = parse(String.join("\n",
                "workload: {kind: idle}",
                "fleet: {daemons: 2, tickLatency: 200ms}",
                "upstream:",
                "  warmWindow: 5m",
                "  coldStart: 3s",
                "  rateLimit: {requests: 10, per: 1s, burst: 20}",
                "faults:",
                "  errors:",
                "    - {from: 2h, to: 3h, error: 429, rate: 0.5}",
                "    - {from: 4h, to: 5h, error: 5xx}",
                "  jobFailures: {probability: 0.1, retryAfter: 5m}",
                "  restarts:",
                "    - {at: 6h, daemon: 1, downtime: 30s}",
                "    - {at: 7h}",
                "  reloads:",
                "    - {at: 2h, maxConcurrent: 10, params: {spawnsPerTick: 2}}",
                "policies: {batched: {}}"));
        List<ResolvedPolicy> p = selection.select(s, List.of(), List.of());
        World w = ScenarioRunner.world(s, p.get(0));
        assertThat(w.fleet().tickLatencyUs()).isEqualTo(200_000);
        assertThat(w.upstream().warmWindowUs()).isEqualTo(300_000_000L);
        assertThat(w.upstream().coldStartUs()).isEqualTo(3_000_000L);
        assertThat(w.upstream().rateLimit().burst()).isEqualTo(20);
        assertThat(w.faults().errors()).extracting(FaultPlan.ErrorWindow::error)
                .containsExactly(TickError.RATE_LIMITED, TickError.SERVER_ERROR);
        assertThat(w.faults().errors().get(1).rate()).isEqualTo(1.0);
        assertThat(w.faults().jobFailures().maxAttempts()).isEqualTo(3);
        assertThat(w.faults().restarts()).extracting(FaultPlan.Restart::daemon).containsExactly(1, FaultPlan.Restart.ALL);
        assertThat(w.faults().reloads().get(0).maxConcurrent()).isEqualTo(10);
        assertThat(w.faults().reloads().get(0).params().integer("spawnsPerTick")).isEqualTo(2);
    }

    @Test
    void aReloadParameterShouldApplyOnlyToPoliciesThatDeclareIt() {
        Scenario s = parse("workload: {kind: idle}\nfaults:\n  reloads:\n    - {at: 1h, params: {spawnsPerTick: 2}}\n"
                + "policies: {batched: {}, fixed: {}}\n");
        List<ResolvedPolicy> p = selection.select(s, List.of(), List.of());
        assertThat(ScenarioRunner.world(s, p.get(0)).faults().reloads().get(0).params()).isNotNull();
        assertThat(ScenarioRunner.world(s, p.get(1)).faults().reloads().get(0).params()).isNull();
    }

    @Test
    void shouldRefuseAReloadParameterNoPolicyOfTheRunDeclares() {
        Scenario s = parse("workload: {kind: idle}\nfaults:\n  reloads:\n    - {at: 1h, params: {spawnsPerTik: 2}}\n"
                + "policies: {batched: {}}\n");
        assertThatThrownBy(() -> new ScenarioRunner(1).run(s, selection.select(s, List.of(), List.of())))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("w.yaml:4:39: faults.reloads[0].params.spawnsPerTik: no policy of this run has"
                        + " a parameter 'spawnsPerTik'");
        Scenario bad = parse("workload: {kind: idle}\nfaults:\n  reloads:\n    - {at: 1h, params: {spawnsPerTick: 0}}\n"
                + "policies: {batched: {}}\n");
        assertThatThrownBy(() -> new ScenarioRunner(1).run(bad, selection.select(bad, List.of(), List.of())))
                .hasMessageStartingWith("w.yaml:4:")
                .hasMessageContaining("faults.reloads[0].params.spawnsPerTick: must be at least 1, got 0");
    }

    @Test
    void shouldExplainBadWorldFields() {
        assertThatThrownBy(() -> parse("workload: {kind: idle}\nfaults:\n  errors:\n    - {from: 1h, to: 2h, error: 503x}\n"))
                .hasMessageStartingWith("w.yaml:4:")
                .hasMessageContaining("faults.errors[0].error: expected 429 or 5xx, got '503x'");
        assertThatThrownBy(() -> parse("workload: {kind: idle}\nfaults:\n  errors:\n    - {from: 2h, to: 1h, error: 429}\n"))
                .hasMessageContaining("an error window needs from and to, with to after from");
        assertThatThrownBy(() -> parse("workload: {kind: idle}\nfleet: {daemons: 2}\nfaults:\n  restarts:\n    - {at: 1h, daemon: 2}\n"))
                .hasMessageContaining("faults.restarts: daemon 2 does not exist; the fleet has 2 (0..1)");
        assertThatThrownBy(() -> parse("workload: {kind: idle}\nfaults:\n  restarts:\n    - {at: 1h, daemon: some}\n"))
                .hasMessageContaining("expected a daemon index (0, 1, ...) or all, got 'some'");
        assertThatThrownBy(() -> parse("workload: {kind: idle}\nupstream: {coldStart: 2s}\n"))
                .hasMessageContaining("coldStart needs a warmWindow");
        assertThatThrownBy(() -> parse("workload: {kind: idle}\nupstream: {rateLimit: {requests: 1}}\nfleet: {requestsPerTick: 2}\n"))
                .hasMessageContaining("upstream.rateLimit.burst (1) is below fleet.requestsPerTick (2)");
        assertThatThrownBy(() -> parse("workload: {kind: idle}\nfaults: {jobFailures: {probability: 2, retryAfter: 1m}}\n"))
                .hasMessageContaining("jobFailures needs a probability between 0 and 1");
        assertThatThrownBy(() -> parse("workload: {kind: idle}\nupstream: {warmWindow: 5m, billing: hourly}\n"))
                .hasMessageStartingWith("w.yaml:2:")
                .hasMessageContaining("upstream: unknown field 'billing'; expected one of coldStart, rateLimit, warmWindow");
    }
}
