package dev.pollsim.bench;

import dev.pollsim.policy.PolicyDefinition;
import dev.pollsim.policy.PolicyFactory;
import dev.pollsim.policy.builtin.BuiltinPolicies;
import dev.pollsim.policy.param.Durations;
import dev.pollsim.sim.engine.RandomStreams;
import dev.pollsim.sim.metrics.PolicyResult;
import dev.pollsim.sim.model.FleetConfig;
import dev.pollsim.sim.model.FleetSimulation;
import dev.pollsim.sim.model.StartPhases;
import dev.pollsim.sim.model.World;
import dev.pollsim.sim.workload.Origin;
import dev.pollsim.sim.workload.PoissonProcess;
import dev.pollsim.sim.workload.ServiceTime;
import dev.pollsim.sim.workload.SyntheticArrivals;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A full poll on the global event list, tick by tick (no fast-forward): 10,000 daemons sharing
 * one queue poll every 10 s for one simulated hour, exactly 3,600,000 polls, each popping its
 * event, asking the policy, counting its requests and re-arming; one job a second arrives, so
 * some polls find work and record a wake latency. The score is the time per poll, arrivals and
 * completions included.
 *
 * <p>How to run: {@code java -jar bench/target/benchmarks.jar FullPollBenchmark -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
@State(Scope.Thread)
public class FullPollBenchmark {

    static final int DAEMONS = 10_000;
    static final int POLLS = DAEMONS * 360;

    private final PolicyFactory fixed = factory("fixed");
    private FleetSimulation sim;

    static PolicyFactory factory(String name) {
        PolicyDefinition d = BuiltinPolicies.catalogue().find(name).orElseThrow();
        return d.factory(d.resolve(Map.of()));
    }

    @Setup(Level.Invocation)
    public void setUp() {
        RandomStreams streams = new RandomStreams(7);
        World world = World.of(new FleetConfig(DAEMONS, 4, 1, StartPhases.SPREAD), Durations.MICROS_PER_HOUR)
                .withFastForward(false);
        sim = new FleetSimulation(world, fixed, new SyntheticArrivals(
                new PoissonProcess(3_600, streams.commonsStream("workload/arrivals")),
                ServiceTime.constant(5 * Durations.MICROS_PER_SECOND), Origin.REMOTE), streams);
    }

    @Benchmark
    @OperationsPerInvocation(POLLS)
    public PolicyResult poll() {
        return sim.result("fixed", "fixed", Map.of());
    }
}
