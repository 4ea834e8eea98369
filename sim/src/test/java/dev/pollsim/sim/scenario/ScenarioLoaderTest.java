package dev.pollsim.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pollsim.policy.builtin.BuiltinPolicies;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScenarioLoaderTest {

    private final ScenarioLoader loader = new ScenarioLoader();

    private Scenario parse(String yaml) {
        return loader.parse(yaml, "s.yaml");
    }

    private List<ResolvedPolicy> resolve(String yaml) {
        return new PolicySelection(BuiltinPolicies.catalogue()).select(parse(yaml), List.of(), List.of());
    }

    @Test
    void shouldReadTheContractExample() {
        Scenario s = parse(String.join("\n",
                "name: example",
                "days: 7",
                "seed: 42",
                "workload:",
                "  kind: poisson            # poisson | diurnal | bursty | idle | burst",
                "  ratePerHour: 30",
                "  serviceTime: 30s         # or {dist: exponential, mean: 10m}",
                "fleet:",
                "  daemons: 1",
                "  maxConcurrent: 1000",
                "  requestsPerTick: 1",
                "  origin: remote",
                "policies:",
                "  fixed: {interval: 10s}",
                "  exp-idle: {}",
                "  fixed-60s: {policy: fixed, interval: 60s}"));
        assertThat(s.name()).isEqualTo("example");
        assertThat(s.days()).isEqualTo(7);
        assertThat(s.seed()).isEqualTo(42L);
        assertThat(s.workload()).isEqualTo(new WorkloadSpec.Poisson(30.0, new ServiceTimeSpec("constant", TimeSpan.parse("30s"), 0)));
        assertThat(s.fleet().maxConcurrent()).isEqualTo(1000);
        assertThat(s.policies()).extracting(PolicySpec::label).containsExactly("fixed", "exp-idle", "fixed-60s");
        List<ResolvedPolicy> policies = new PolicySelection(BuiltinPolicies.catalogue()).select(s, List.of(), List.of());
        assertThat(policies.get(2).definition().name()).isEqualTo("fixed");
        assertThat(policies.get(2).params().micros("interval")).isEqualTo(60_000_000L);
    }

    @Test
    void shouldApplyDefaults() {
        Scenario s = loader.parse("workload: {kind: idle}\n", "dir/my-scenario.yaml");
        assertThat(s.name()).isEqualTo("my-scenario");
        assertThat(s.days()).isEqualTo(7);
        assertThat(s.seed()).isEqualTo(1L);
        assertThat(s.fleet()).isEqualTo(new FleetSpec(1, 4, 1, "remote", "spread", TimeSpan.parse("0s"), "shared"));
        assertThat(s.policies()).isEmpty();
    }

    @Test
    void shouldReadEveryServiceTimeForm() {
        assertThat(parse("workload: {kind: idle, serviceTime: {dist: exponential, mean: 10m}}").workload().serviceTime())
                .isEqualTo(new ServiceTimeSpec("exponential", TimeSpan.parse("10m"), 0));
        assertThat(parse("workload: {kind: idle, serviceTime: {dist: lognormal, mean: 5m, sigma: 1.2}}").workload().serviceTime())
                .isEqualTo(new ServiceTimeSpec("lognormal", TimeSpan.parse("5m"), 1.2));
        assertThat(parse("workload: {kind: idle, serviceTime: {dist: constant, value: 2s}}").workload().serviceTime())
                .isEqualTo(new ServiceTimeSpec("constant", TimeSpan.parse("2s"), 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "idle", "steady", "bursty", "five-daemons", "scale-to-zero", "burst"})
    void everyPresetShouldLoadAndResolve(String name) {
        Scenario s = new Presets(loader).find(name).orElseThrow();
        assertThat(s.name()).isEqualTo(name);
        assertThat(new PolicySelection(BuiltinPolicies.catalogue()).select(s, List.of(), List.of())).isNotEmpty();
    }

    @Test
    void shouldNameFileLineAndFieldOfAnUnknownField() {
        assertThatThrownBy(() -> parse("workload: {kind: idle}\ndayz: 3\n"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("s.yaml:2:")
                .hasMessageContaining("unknown field 'dayz'")
                .hasMessageContaining("days, faults, fleet, name, policies, seed, upstream, workload");
        assertThatThrownBy(() -> parse("workload:\n  kind: poisson\n  ratePerHour: 3\n  rate: 4\n"))
                .hasMessageStartingWith("s.yaml:4:")
                .hasMessageContaining("workload: unknown field 'rate'")
                .hasMessageContaining("ratePerHour");
    }

    @Test
    void shouldExplainAMalformedDuration() {
        assertThatThrownBy(() -> parse("workload:\n  kind: idle\n  serviceTime: 10 sec\n"))
                .hasMessageStartingWith("s.yaml:3:")
                .hasMessageEndingWith(": workload.serviceTime: expected a duration such as 250ms, 10s, 5m, 2h or 1d,"
                        + " got '10 sec'");
        assertThatThrownBy(() -> parse("workload:\n  kind: burst\n  count: 3\n  at: 10\n"))
                .hasMessageStartingWith("s.yaml:4:")
                .hasMessageContaining("workload.at")
                .hasMessageContaining("expected a duration");
    }

    @Test
    void shouldExplainWrongTypes() {
        assertThatThrownBy(() -> parse("days: seven\nworkload: {kind: idle}\n"))
                .hasMessageStartingWith("s.yaml:1:")
                .hasMessageContaining("days: expected a whole number");
        assertThatThrownBy(() -> parse("days: 1.5\nworkload: {kind: idle}\n"))
                .hasMessageContaining("days: expected a whole number");
        assertThatThrownBy(() -> parse("workload: {kind: poisson, ratePerHour: lots}\n"))
                .hasMessageContaining("workload.ratePerHour: expected a number");
    }

    @Test
    void shouldExplainOutOfRangeValues() {
        assertThatThrownBy(() -> parse("days: 0\nworkload: {kind: idle}\n"))
                .hasMessageStartingWith("s.yaml:")
                .hasMessageContaining("days must be between 1 and");
        assertThatThrownBy(() -> parse("workload: {kind: idle}\nfleet: {daemons: 0}\n"))
                .as("the location is the refused value's key, not the end of its section")
                .hasMessage("s.yaml:2:9: fleet: daemons must be at least 1, got 0");
        assertThatThrownBy(() -> parse("workload: {kind: idle}\nfleet:\n  maxConcurrent: 2\n  daemons: -3\n"))
                .hasMessage("s.yaml:4:3: fleet: daemons must be at least 1, got -3");
        assertThatThrownBy(() -> parse("days: 1\nworkload:\n  kind: trace\n"))
                .as("a missing value: the section's own key, not its end past the last line")
                .hasMessage("s.yaml:2:1: workload: a trace needs file, the path of the trace");
        assertThatThrownBy(() -> parse("workload: {kind: idle}\nfleet: {origin: nearby}\n"))
                .hasMessageContaining("expected local or remote, got 'nearby'");
    }

    @Test
    void shouldListTheWorkloadKindsWhenOneIsUnknownOrMissing() {
        assertThatThrownBy(() -> parse("workload: {kind: weekly}\n"))
                .hasMessageStartingWith("s.yaml:1:")
                .hasMessageContaining("unknown kind 'weekly'; expected one of poisson, diurnal, bursty, idle, burst");
        assertThatThrownBy(() -> parse("workload: {ratePerHour: 3}\n"))
                .hasMessageContaining("missing 'kind'");
        assertThatThrownBy(() -> parse("seed: 3\n"))
                .hasMessageContaining("missing workload");
    }

    @Test
    void shouldPointAtASyntaxError() {
        assertThatThrownBy(() -> parse("workload: {kind: idle}\nfleet: {daemons: 1\n"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("s.yaml:")
                .hasMessageContaining("YAML syntax error");
        assertThatThrownBy(() -> parse("workload: {kind: idle}\nworkload: {kind: idle}\n"))
                .hasMessageStartingWith("s.yaml:2:")
                .hasMessageContaining("'workload' appears twice");
        assertThatThrownBy(() -> parse("")).hasMessageContaining("the scenario is empty");
    }

    @Test
    void shouldPointAtAnUnknownPolicyOrParameter() {
        assertThatThrownBy(() -> resolve("workload: {kind: idle}\npolicies:\n  fixed: {}\n  turbo: {}\n"))
                .hasMessageStartingWith("s.yaml:4:3: policies.turbo: unknown policy 'turbo'; expected one of fixed, exp-idle");
        assertThatThrownBy(() -> resolve("workload: {kind: idle}\npolicies:\n  slow: {policy: fxed}\n"))
                .hasMessageStartingWith("s.yaml:3:18: policies.slow.policy: unknown policy 'fxed'");
        assertThatThrownBy(() -> resolve("workload: {kind: idle}\npolicies:\n  fixed:\n    interval: 10s\n    intervall: 5s\n"))
                .hasMessageStartingWith("s.yaml:5:16: policies.fixed.intervall: unknown parameter 'intervall'; expected one of interval");
        assertThatThrownBy(() -> resolve("workload: {kind: idle}\npolicies:\n  exp-idle: {cap: 2 minutes}\n"))
                .hasMessageStartingWith("s.yaml:3:19: policies.exp-idle.cap: expected a duration");
        assertThatThrownBy(() -> resolve("workload: {kind: idle}\npolicies:\n  exp-idle: {multiplier: 0.5}\n"))
                .hasMessageContaining("policies.exp-idle.multiplier: must be at least 1, got 0.5");
        assertThatThrownBy(() -> resolve("workload: {kind: idle}\npolicies:\n  fixed: [10s]\n"))
                .hasMessageContaining("expected the parameters of policy 'fixed' as a map");
    }

    @Test
    void shouldSelectAndOverrideFromTheCommandLine() {
        PolicySelection sel = new PolicySelection(BuiltinPolicies.catalogue());
        Scenario s = parse("workload: {kind: idle}\npolicies:\n  fixed: {}\n  slow: {policy: fixed, interval: 1m}\n");
        assertThat(sel.select(s, List.of("slow", "exp-idle"), List.of("slow.interval=2m")))
                .extracting(p -> p.label() + "=" + p.params().asWritten())
                .containsExactly("slow={interval=2m}", "exp-idle={interval=10s, multiplier=1.5, cap=2m, deadlineFloor=1s,"
                        + " rateLimitFloor=30s, errorCap=1m}");
        assertThatThrownBy(() -> sel.select(s, List.of("turbo"), List.of()))
                .hasMessageContaining("--policy: unknown policy 'turbo'");
        assertThatThrownBy(() -> sel.select(s, List.of(), List.of("fixed.interval")))
                .hasMessageContaining("expected LABEL.PARAM=VALUE");
        assertThatThrownBy(() -> sel.select(s, List.of(), List.of("fixed.interval=soon")))
                .hasMessageStartingWith("--set fixed.interval=soon: policies.fixed.interval: expected a duration");
        assertThatThrownBy(() -> sel.select(s, List.of("fixed"), List.of("slow.interval=1s")))
                .hasMessageContaining("no policy labelled 'slow' in this run");
    }
}
