package dev.pollsim.bench;

import dev.pollsim.policy.builtin.BuiltinPolicies;
import dev.pollsim.sim.metrics.PolicyResult;
import dev.pollsim.sim.run.ScenarioRunner;
import dev.pollsim.sim.scenario.PolicySelection;
import dev.pollsim.sim.scenario.ResolvedPolicy;
import dev.pollsim.sim.scenario.Scenario;
import dev.pollsim.sim.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * The headline runs of docs/PERFORMANCE.md, whole, as {@code pollsim run} does them: one shot per
 * fork, wall time on all cores.
 *
 * <ul>
 *   <li>{@code shared}: examples/headline-shared.yaml, 10,000 daemons sharing one queue for 30
 *       days under {@code fixed} and {@code exp-idle} side by side (one policy per core), about
 *       2.8 billion simulated polls; tick by tick, or with idle stretches skipped in closed form.
 *   <li>{@code independent}: examples/headline-independent.yaml, 100,000 daemons with their own
 *       queues for 365 days under {@code exp-idle}, split across every core (in 512 MB of heap).
 * </ul>
 *
 * <p>How to run: {@code java -Xmx512m -jar bench/target/benchmarks.jar HeadlineBenchmark}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 3, jvmArgsAppend = "-Xmx512m")
@State(Scope.Benchmark)
public class HeadlineBenchmark {

    @Param({"shared-fast", "shared-step", "independent"})
    public String run;

    private Scenario scenario;
    private List<ResolvedPolicy> policies;

    @Setup
    public void setUp() {
        String file = run.startsWith("shared") ? "headline-shared.yaml" : "headline-independent.yaml";
        scenario = new ScenarioLoader().parse(read(file), file);
        policies = new PolicySelection(BuiltinPolicies.catalogue()).select(scenario, List.of(), List.of());
    }

    @Benchmark
    public List<PolicyResult> headline() {
        if (run.equals("shared-step")) {
            return ScenarioRunner.onAllCores().tickByTick().run(scenario, policies).results();
        }
        return ScenarioRunner.onAllCores().run(scenario, policies).results();
    }

    static String read(String name) {
        try (InputStream in = HeadlineBenchmark.class.getResourceAsStream("/headline/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
