package dev.pollsim.bench;

import dev.pollsim.bench.peer.DsolFleet;
import dev.pollsim.bench.peer.PeerResult;
import dev.pollsim.bench.peer.PeerWorkload;
import dev.pollsim.bench.peer.PollsimFleet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A real peer, side by side: one simulated day of the same fleet ({@link PeerWorkload}: 1,000
 * daemons sharing one FIFO queue, 4 slots each, Poisson arrivals of 3,600 jobs an hour served for
 * 30 s) on pollsim and on DSOL, a general-purpose Java discrete-event library. Each invocation is
 * one whole day on a fresh simulator, building it included:
 *
 * <ul>
 *   <li>{@code pollsim-step}: pollsim's {@code FleetSimulation}, tick by tick (no fast-forward);
 *   <li>{@code pollsim}: the same, as it runs by default, skipping steady idle stretches in closed
 *       form with the same results;
 *   <li>{@code dsol}: the model written as a DSOL user would ({@code DevsSimulator<Double>},
 *       lambda events, daemon and job objects), its replication run to the horizon in DSOL's
 *       worker thread while the benchmark thread waits for it ({@code DsolFleet}).
 * </ul>
 *
 * <p>Both engines replay the same arrival times, drawn once per trial, with the same start phases
 * and policy classes; {@code PeerModelsAgreeTest} checks that their days agree, and every trial
 * checks its last day when it ends.
 *
 * <p>How to run: {@code java -jar bench/target/benchmarks.jar PeerBenchmark} (3 forks, about 6
 * minutes on 2 cores)
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
@State(Scope.Thread)
public class PeerBenchmark {

    /** Ticks of {@code fixed} (10 s) over the day: 1,000 daemons x 8,640. */
    static final long FIXED_TICKS = PeerWorkload.DAEMONS * 8_640L;

    @Param({"fixed", "exp-idle"})
    public String policy;

    @Param({"pollsim-step", "pollsim", "dsol"})
    public String engine;

    private PeerWorkload workload;
    private PeerResult last;

    @Setup(Level.Trial)
    public void drawArrivals() {
        workload = PeerWorkload.of(PeerWorkload.DEFAULT_SEED);
    }

    @Benchmark
    public PeerResult day() {
        PeerResult r = switch (engine) {
            case "pollsim-step" -> PollsimFleet.run(workload, policy, false);
            case "pollsim" -> PollsimFleet.run(workload, policy, true);
            case "dsol" -> DsolFleet.run(workload, policy);
            default -> throw new IllegalArgumentException("unknown engine " + engine);
        };
        last = r;
        return r;
    }

    /** The trial's last day saw every job, and {@code fixed} ticked every 10 s on every daemon. */
    @TearDown(Level.Trial)
    public void checkLastDay() {
        if (last == null || last.arrived() != workload.jobs() || last.picked() > last.arrived()
                || ("fixed".equals(policy) && (last.ticks() != FIXED_TICKS
                        || last.requests() != last.ticks() - last.saturatedTicks()))) {
            throw new IllegalStateException("the day went wrong on " + engine + ": " + last);
        }
    }
}
