package dev.pollsim.bench;

import dev.pollsim.sim.engine.RandomStreams;
import dev.pollsim.sim.trace.ServiceUnit;
import dev.pollsim.sim.trace.TimestampFormat;
import dev.pollsim.sim.trace.TraceArrivals;
import dev.pollsim.sim.trace.TraceFile;
import dev.pollsim.sim.trace.TraceFormat;
import dev.pollsim.sim.trace.TraceLayout;
import dev.pollsim.sim.trace.TraceReplay;
import dev.pollsim.sim.trace.TraceWriter;
import dev.pollsim.sim.workload.ArrivalSource;
import dev.pollsim.sim.workload.Origin;
import dev.pollsim.sim.workload.ServiceTime;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Trace parsing speed: one million rows (a timestamp and a service time in seconds, gaps of 0 to
 * 2 s) read from a file in the page cache and turned into arrivals, in rows per second. The
 * formats: CSV with epoch microseconds, CSV with {@code yyyy-MM-dd HH:mm:ss.ffffff} times, and
 * JSON Lines with ISO-8601 times (Jackson's streaming parser).
 *
 * <p>How to run: {@code java -jar bench/target/benchmarks.jar TraceParseBenchmark -f 3}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
@State(Scope.Thread)
public class TraceParseBenchmark {

    static final int ROWS = 1_000_000;
    static final long MAX_GAP_US = 2_000_000L;

    @Param({"csv-epoch-us", "csv-datetime", "jsonl-iso"})
    public String shape;

    private Path file;
    private TraceFile trace;

    @Setup
    public void setUp() throws IOException {
        TraceFormat format = shape.startsWith("jsonl") ? TraceFormat.JSONL : TraceFormat.CSV;
        TimestampFormat timestamps = shape.endsWith("epoch-us") ? TimestampFormat.EPOCH_US
                : shape.endsWith("datetime") ? TimestampFormat.DATETIME : TimestampFormat.ISO;
        file = Files.createTempFile("pollsim-trace-bench", "." + format.label());
        SplittableRandom r = new SplittableRandom(42);
        try (OutputStream out = Files.newOutputStream(file);
                TraceWriter w = TraceWriter.open(out, format, timestamps, true, false, false)) {
            long t = 1_700_000_000_000_000L;
            for (int i = 0; i < ROWS; i++) {
                t += r.nextLong(MAX_GAP_US);
                w.write(t, r.nextLong(600_000_000L), null, Origin.REMOTE);
            }
        }
        trace = new TraceFile(file, file.toString(), new TraceLayout(format, TraceWriter.TIMESTAMP, timestamps,
                TraceWriter.SERVICE, ServiceUnit.S, null, null, null, null, null), TraceReplay.AS_IS);
    }

    @TearDown
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long readAll() {
        long sum = 0;
        try (TraceArrivals a = trace.arrivals(new RandomStreams(1), ServiceTime.constant(0), Origin.REMOTE)) {
            long t;
            while ((t = a.next()) != ArrivalSource.NONE) {
                sum += t + a.serviceUs();
            }
        }
        return sum;
    }
}
