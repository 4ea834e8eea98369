package dev.pollsim.bench;

import dev.pollsim.policy.builtin.BuiltinPolicies;
import dev.pollsim.sim.run.RunReport;
import dev.pollsim.sim.run.ScenarioRunner;
import dev.pollsim.sim.scenario.PolicySelection;
import dev.pollsim.sim.scenario.Presets;
import dev.pollsim.sim.scenario.ResolvedPolicy;
import dev.pollsim.sim.scenario.Scenario;
import dev.pollsim.sim.scenario.ScenarioLoader;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole preset scenario through every policy, on one thread: how long {@code pollsim run}
 * takes to simulate, without JVM start-up.
 *
 * <p>How to run: {@code java -jar bench/target/benchmarks.jar ScenarioRunBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
@State(Scope.Thread)
public class ScenarioRunBenchmark {

    @Param({"default"})
    public String preset;

    private Scenario scenario;
    private List<ResolvedPolicy> policies;

    @Setup
    public void setUp() {
        scenario = new Presets(new ScenarioLoader()).find(preset).orElseThrow();
        policies = new PolicySelection(BuiltinPolicies.catalogue()).select(scenario, List.of(), List.of());
    }

    @Benchmark
    public RunReport allPolicies() {
        return new ScenarioRunner(1).run(scenario, policies);
    }
}
