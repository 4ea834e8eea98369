package dev.pollsim.sim.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pollsim.policy.builtin.BuiltinPolicies;
import dev.pollsim.sim.metrics.PolicyResult;
import dev.pollsim.sim.run.RunReport;
import dev.pollsim.sim.run.ScenarioRunner;
import dev.pollsim.sim.scenario.PolicySelection;
import dev.pollsim.sim.scenario.Scenario;
import dev.pollsim.sim.scenario.ScenarioException;
import dev.pollsim.sim.scenario.ScenarioLoader;
import dev.pollsim.sim.scenario.WorkloadSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceScenarioTest {

    @TempDir
    Path dir;

    private Scenario load(String yaml) throws IOException {
        Files.copy(Fixtures.path("events.csv"), dir.resolve("events.csv"), StandardCopyOption.REPLACE_EXISTING);
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, yaml);
        return new ScenarioLoader().load(file);
    }

    @Test
    void aTraceScenarioShouldResolveItsFileBesideItAndLastTheTracesDays() throws IOException {
        Scenario s = load("workload:\n  kind: trace\n  file: events.csv\n  timestamp: {column: when}\n"
                + "  serviceTime: {column: 'service, s', unit: s}\n  origin: origin\nfleet: {maxConcurrent: 100}\n");
        assertThat(s.days()).isEqualTo(1);
        assertThat(s.workload()).isInstanceOf(WorkloadSpec.Trace.class);
        RunReport r = new ScenarioRunner(2).run(s,
                new PolicySelection(BuiltinPolicies.catalogue()).select(s, List.of(), List.of()));
        assertThat(r.results()).allSatisfy(p -> {
            assertThat(p.jobs().arrived()).isEqualTo(4);
            assertThat(p.jobs().picked() + p.jobs().stranded()).isEqualTo(4);
        });
        assertThat(r.results()).hasSize(BuiltinPolicies.catalogue().withDefaults().size());
    }

    @Test
    void aTraceScenarioShouldTakeEveryTransformationAndServiceTimeForm() throws IOException {
        Scenario s = load("days: 2\nworkload:\n  kind: trace\n  file: events.csv\n  format: csv\n"
                + "  timestamp: {column: when, format: datetime}\n  serviceTime: {dist: exponential, mean: 10s}\n"
                + "  queue: queue\n  queues: [alpha]\n  offset: 1h\n  scale: 0.5\n  repeat: 1h\n  sample: 1\n"
                + "  sort: true\n");
        WorkloadSpec.Trace t = (WorkloadSpec.Trace) s.workload();
        TraceFile f = t.trace();
        assertThat(f.replay()).isEqualTo(new TraceReplay(3_600_000_000L, dev.pollsim.policy.param.Ratio.parse("0.5"),
                true, 3_600_000_000L, 1, true));
        assertThat(f.layout().queues()).containsExactly("alpha");
        assertThat(s.days()).isEqualTo(2);
    }

    @Test
    void badTraceFieldsShouldBeRefusedWithFileLineAndField() throws IOException {
        assertThatThrownBy(() -> load("workload:\n  kind: trace\n  file: nope.csv\n"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("s.yaml:")
                .hasMessageContaining("workload: no trace file 'nope.csv' (looked for ");
    }

    @Test
    void aBadRowShouldSurfaceAsATraceErrorWhenTheScenarioLoads() throws IOException {
        Files.copy(Fixtures.path("malformed.csv"), dir.resolve("malformed.csv"));
        Path file = dir.resolve("m.yaml");
        Files.writeString(file, "workload: {kind: trace, file: malformed.csv}\n");
        assertThatThrownBy(() -> new ScenarioLoader().load(file))
                .isInstanceOf(TraceException.class)
                .hasMessageStartingWith("malformed.csv:4: column 'timestamp'");
    }

    @Test
    void unknownTraceFieldsShouldListTheKnownOnes() throws IOException {
        assertThatThrownBy(() -> load("workload:\n  kind: trace\n  file: events.csv\n  colum: x\n"))
                .hasMessageContaining("s.yaml:4:")
                .hasMessageContaining("unknown field 'colum'")
                .hasMessageContaining("serviceTime");
        assertThatThrownBy(() -> load("workload:\n  kind: trace\n  file: events.csv\n  repeat: often\n"))
                .hasMessageContaining("expected true, false or a period such as 1d");
        assertThatThrownBy(() -> load("workload:\n  kind: trace\n  file: events.csv\n  sample: 2\n"))
                .hasMessageContaining("sample must be a fraction in (0, 1]");
    }
}
