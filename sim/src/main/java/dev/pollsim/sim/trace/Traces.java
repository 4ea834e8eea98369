package dev.pollsim.sim.trace;

import dev.pollsim.sim.engine.RandomStreams;
import dev.pollsim.sim.workload.ArrivalSource;
import dev.pollsim.sim.workload.Origin;
import dev.pollsim.sim.workload.ServiceTime;

/** The trace services behind {@code pollsim trace}: statistics, generation and conversion. */
public final class Traces {

    private Traces() {}

    /**
     * The statistics of one pass of a trace, after its queue filter, per-minute spreading and
     * sampling (drawn from {@code streams}), on the trace's own clock.
     */
    public static TraceStats stats(TraceFile trace, RandomStreams streams) {
        TraceStats stats = new TraceStats();
        try (TraceArrivals a = trace.withReplay(trace.replay().once())
                .arrivals(streams, ServiceTime.constant(0), Origin.REMOTE)) {
            while (a.next() != ArrivalSource.NONE) {
                stats.add(a.traceTimeUs());
            }
            stats.rows(a.rowsRead(), a.rowsKept());
        }
        return stats;
    }

    /**
     * Writes the arrivals of {@code source} before {@code horizonUs} as a trace whose clock starts
     * at {@code startEpochUs}.
     *
     * @return arrivals written
     */
    public static long generate(ArrivalSource source, long horizonUs, long startEpochUs, TraceWriter out) {
        long n = 0;
        try (out) {
            long t;
            while ((t = source.next()) != ArrivalSource.NONE && t < horizonUs) {
                out.write(startEpochUs + t, source.serviceUs(), null, source.origin());
                n++;
            }
        }
        return n;
    }

    /**
     * Rewrites one pass of a trace in another format. Times keep the trace's own clock (the
     * offset is not added; a scale stretches the gaps from the trace's start); per-minute counts
     * are spread and sampling applies, both drawn from {@code streams}.
     *
     * @return arrivals written
     */
    public static long convert(TraceFile trace, RandomStreams streams, TraceWriter out) {
        long n = 0;
        long offset = trace.replay().offsetUs();
        try (out; TraceArrivals a = trace.withReplay(trace.replay().once())
                .arrivals(streams, ServiceTime.constant(0), Origin.REMOTE)) {
            long t;
            while ((t = a.next()) != ArrivalSource.NONE) {
                out.write(a.startUs() + t - offset, a.serviceUs(), a.queue(), a.origin());
                n++;
            }
        }
        return n;
    }
}
