package dev.pollsim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pollsim.policy.builtin.BuiltinPolicies;
import dev.pollsim.report.JsonReport;
import dev.pollsim.sim.metrics.PolicyResult;
import dev.pollsim.sim.run.RunReport;
import dev.pollsim.sim.run.ScenarioRunner;
import dev.pollsim.sim.scenario.PolicySelection;
import dev.pollsim.sim.scenario.Scenario;
import dev.pollsim.sim.sweep.ScenarioRef;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellOutcomeTest {

    /** Through Java serialisation, as Spark sends a task's result to the driver. */
    private static PolicyResult shipped(PolicyResult r) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(CellOutcome.of(r));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return ((CellOutcome) in.readObject()).result();
        }
    }

    @Test
    void everyResultShouldComeBackEqualWithItsSeriesAndTheSameJsonBytes() throws Exception {
        // scale-to-zero has warm time, cold starts, retries and a restart; every policy, with every series
        Scenario s = ScenarioRef.resolve("scale-to-zero").load().withDays(2);
        RunReport report = new ScenarioRunner(2).run(s,
                new PolicySelection(BuiltinPolicies.catalogue()).select(s, List.of(), List.of()));
        List<PolicyResult> back = new ArrayList<>();
        for (PolicyResult r : report.results()) {
            back.add(shipped(r));
        }
        assertThat(back).isEqualTo(report.results());
        assertThat(report.results()).anySatisfy(r -> {
            assertThat(r.hourly().hours()).isEqualTo(48);
            assertThat(r.wakeLatencyCdf().size()).isPositive();
            assertThat(r.upstream().coldStarts()).isPositive();
            assertThat(r.wakeLatency().meanUs()).isNotEqualTo(Math.rint(r.wakeLatency().meanUs()));
        });
        RunReport again = new RunReport(report.scenario(), report.seed(), report.days(), report.daemons(), back);
        assertThat(new JsonReport(true).render(again)).isEqualTo(new JsonReport(true).render(report));
    }
}
