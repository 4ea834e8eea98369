package dev.pollsim.bench;

import java.util.PriorityQueue;
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
 * The baseline for {@link EventListHoldBenchmark}: the same hold model on a
 * {@code java.util.PriorityQueue} of event objects, as a general-purpose simulator keeps its
 * future event list (an object per event, ordered by time, kind and sequence number).
 *
 * <p>How to run: {@code java -jar bench/target/benchmarks.jar PriorityQueueHoldBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
@State(Scope.Thread)
public class PriorityQueueHoldBenchmark {

    /** An event object, as general-purpose simulators allocate one per event. */
    static final class Event implements Comparable<Event> {
        final long time;
        final int kind;
        final long seq;
        final int payload;

        Event(long time, int kind, long seq, int payload) {
            this.time = time;
            this.kind = kind;
            this.seq = seq;
            this.payload = payload;
        }

        @Override
        public int compareTo(Event o) {
            int c = Long.compare(time, o.time);
            if (c != 0) {
                return c;
            }
            c = Integer.compare(kind, o.kind);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    @Param({"1000", "10000", "100000", "1000000"})
    public int pending;

    private PriorityQueue<Event> events;
    private final long[] increments = new long[EventListHoldBenchmark.TABLE];
    private int next;
    private long seq;

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < increments.length; i++) {
            increments[i] = r.nextLong(EventListHoldBenchmark.MIN_US, EventListHoldBenchmark.MAX_US + 1);
        }
        events = new PriorityQueue<>(pending);
        for (int i = 0; i < pending; i++) {
            events.add(new Event(r.nextLong(0, EventListHoldBenchmark.MAX_US), 3, seq++, i));
        }
    }

    @Benchmark
    public int hold() {
        Event e = events.poll();
        events.add(new Event(e.time + increments[next++ & (EventListHoldBenchmark.TABLE - 1)], e.kind, seq++, e.payload));
        return e.payload;
    }
}
