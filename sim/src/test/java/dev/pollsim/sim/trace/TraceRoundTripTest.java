package dev.pollsim.sim.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pollsim.policy.param.Durations;
import dev.pollsim.sim.engine.RandomStreams;
import dev.pollsim.sim.scenario.ServiceTimeSpec;
import dev.pollsim.sim.scenario.TimeSpan;
import dev.pollsim.sim.scenario.WorkloadSpec;
import dev.pollsim.sim.trace.Fixtures.Job;
import dev.pollsim.sim.workload.ArrivalSource;
import dev.pollsim.sim.workload.Origin;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

class TraceRoundTripTest {

    private static final long HORIZON_US = Durations.MICROS_PER_DAY;

    @Property(tries = 30)
    void generatingATraceThenReplayingItShouldGiveBackTheSameArrivals(
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @DoubleRange(min = 1, max = 2000) double ratePerHour,
            @ForAll("formats") TraceFormat format,
            @ForAll("timestamps") TimestampFormat timestamps) throws IOException {
        WorkloadSpec w = new WorkloadSpec.Poisson(ratePerHour,
                new ServiceTimeSpec("exponential", TimeSpan.parse("90s"), 0));
        List<Job> generated = new ArrayList<>();
        ArrivalSource s = w.source(new RandomStreams(seed), Origin.REMOTE);
        long t;
        while ((t = s.next()) != ArrivalSource.NONE && t < HORIZON_US) {
            generated.add(new Job(t, s.serviceUs(), s.origin()));
        }
        Path file = Files.createTempFile("roundtrip", "." + format.label());
        try {
            long startUs = 1_700_000_000_000_000L;
            try (OutputStream out = Files.newOutputStream(file)) {
                Traces.generate(w.source(new RandomStreams(seed), Origin.REMOTE), HORIZON_US, startUs,
                        TraceWriter.open(out, format, timestamps, true, false, false));
            }
            long first = generated.isEmpty() ? 0 : generated.get(0).timeUs();
            TraceFile trace = new TraceFile(file, "roundtrip", new TraceLayout(format, TraceWriter.TIMESTAMP,
                    timestamps, TraceWriter.SERVICE, ServiceUnit.S, null, null, null, null, null),
                    new TraceReplay(first, null, false, 0, 1, false));
            if (generated.isEmpty()) {
                return;
            }
            assertThat(Fixtures.replay(trace)).isEqualTo(generated);
        } finally {
            Files.delete(file);
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<TraceFormat> formats() {
        return net.jqwik.api.Arbitraries.of(TraceFormat.CSV, TraceFormat.TSV, TraceFormat.JSONL);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<TimestampFormat> timestamps() {
        return net.jqwik.api.Arbitraries.of(TimestampFormat.values());
    }
}
