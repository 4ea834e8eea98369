package dev.pollsim.sim.trace;

import dev.pollsim.sim.engine.RandomStreams;
import dev.pollsim.sim.workload.ArrivalSource;
import dev.pollsim.sim.workload.Origin;
import dev.pollsim.sim.workload.ServiceTime;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The small synthetic traces under {@code src/test/resources/traces}, and a way to replay them. */
final class Fixtures {

    /** A fallback service time no fixture row has, to tell it apart. */
    static final long FALLBACK_US = 7L;

    private Fixtures() {}

    static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/traces/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static TraceFile trace(String name, TraceLayout layout, TraceReplay replay) {
        return new TraceFile(path(name), name, layout, replay);
    }

    /** One replayed job. */
    record Job(long timeUs, long serviceUs, Origin origin) {}

    /** Every arrival of the trace before {@code limitUs}, replayed with seed {@code seed}. */
    static List<Job> replay(TraceFile trace, long seed, long limitUs) {
        List<Job> jobs = new ArrayList<>();
        try (TraceArrivals a = trace.arrivals(new RandomStreams(seed), ServiceTime.constant(FALLBACK_US), Origin.REMOTE)) {
            long t;
            while ((t = a.next()) != ArrivalSource.NONE && t < limitUs) {
                jobs.add(new Job(t, a.serviceUs(), a.origin()));
            }
        }
        return jobs;
    }

    static List<Job> replay(TraceFile trace) {
        return replay(trace, 1, Long.MAX_VALUE);
    }

    static List<Long> times(List<Job> jobs) {
        return jobs.stream().map(Job::timeUs).toList();
    }
}
