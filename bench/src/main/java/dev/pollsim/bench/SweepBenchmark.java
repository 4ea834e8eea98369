package dev.pollsim.bench;

import dev.pollsim.sim.sweep.GridAxis;
import dev.pollsim.sim.sweep.Replications;
import dev.pollsim.sim.sweep.ScenarioRef;
import dev.pollsim.sim.sweep.SweepPlan;
import dev.pollsim.sim.sweep.SweepPoint;
import dev.pollsim.sim.sweep.SweepResult;
import dev.pollsim.sim.sweep.SweepRunner;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sweep throughput in cells per second: the grid ({@code exp-idle.cap} x 4,
 * {@code exp-idle.multiplier} x 2) with 2 replications, plus the oracle bound, 18 cells of a whole
 * preset scenario each, through {@link SweepRunner} on {@code threads} threads (YAML parsing,
 * policy resolution and aggregation included). Divide by the threads for cells per core-second,
 * the figure to size a distributed sweep with.
 *
 * <p>How to run: {@code java -jar bench/target/benchmarks.jar SweepBenchmark}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
@State(Scope.Benchmark)
public class SweepBenchmark {

    /** Cells per sweep: 8 grid points and the oracle bound, 2 replications each. */
    static final int CELLS = 18;

    @Param({"default"})
    public String preset;

    @Param({"1", "2"})
    public int threads;

    private List<SweepPoint> points;
    private SweepRunner runner;

    @Setup
    public void setUp() {
        points = new SweepPlan(List.of(ScenarioRef.resolve(preset)), null, null, List.of(), List.of(),
                List.of(GridAxis.parse("exp-idle.cap=30s,60s,120s,300s"), GridAxis.parse("exp-idle.multiplier=1.5,2")))
                .points();
        if (points.size() * 2 != CELLS) {
            throw new IllegalStateException("expected " + CELLS / 2 + " points, got " + points.size());
        }
        runner = new SweepRunner(threads);
    }

    @Benchmark
    @OperationsPerInvocation(CELLS)
    public SweepResult cells() {
        return runner.run(points, Replications.fixed(2), n -> {});
    }
}
