package dev.pollsim.bench;

import dev.pollsim.sim.engine.EventKind;
import dev.pollsim.sim.engine.EventList;
import java.util.SplittableRandom;
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
 * The hold model on the event list: pop the earliest event and schedule it again 10 s to 30 min
 * later, with {@code pending} events in the list. Increments come from a precomputed table so
 * that the benchmark measures the list, not the random generator.
 *
 * <p>How to run: {@code java -jar bench/target/benchmarks.jar EventListHoldBenchmark -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
@State(Scope.Thread)
public class EventListHoldBenchmark {

    static final long MIN_US = 10_000_000L;
    static final long MAX_US = 1_800_000_000L;
    static final int TABLE = 1 << 16;

    @Param({"1000", "10000", "100000", "1000000"})
    public int pending;

    private EventList events;
    private final long[] increments = new long[TABLE];
    private int next;

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < TABLE; i++) {
            increments[i] = r.nextLong(MIN_US, MAX_US + 1);
        }
        events = new EventList(pending);
        for (int i = 0; i < pending; i++) {
            events.schedule(r.nextLong(0, MAX_US), EventKind.TICK, i);
        }
    }

    @Benchmark
    public int hold() {
        int payload = events.pop();
        events.schedule(events.lastTime() + increments[next++ & (TABLE - 1)], EventKind.TICK, payload);
        return payload;
    }
}
