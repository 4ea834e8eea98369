package dev.pollsim.sim.trace;

import dev.pollsim.policy.param.Durations;
import dev.pollsim.sim.engine.RandomStreams;
import dev.pollsim.sim.workload.ArrivalSource;
import dev.pollsim.sim.workload.Origin;
import dev.pollsim.sim.workload.ServiceTime;
import java.util.SplittableRandom;

/**
 * The arrivals of a recorded trace, streamed from its file one job at a time.
 *
 * <ul>
 *   <li><b>Clock</b>: the trace's start (the time of the first row the queue filter keeps; for
 *       per-minute counts, the start of its minute) replays at the offset; later rows follow at
 *       their distance from it times the scale, rounded down to the microsecond.
 *   <li><b>Order</b>: kept rows must not go back in time; the first one that does is an error
 *       naming its line (unless the replay sorts). Rows with equal times are all kept, in file
 *       order. Per-minute rows must not overlap: each starts at least a minute after the last.
 *   <li><b>Per-minute counts</b>: a row's {@code n} jobs are spread uniformly at random inside its
 *       minute, drawn in ascending order (sequential order statistics) from the
 *       {@code workload/spread} stream, so that no minute is held in memory.
 *   <li><b>Sampling</b> keeps each arrival with the replay's probability, drawn from the
 *       {@code workload/sample} stream.
 *   <li><b>Repeat</b> replays the file again at each period until the run stops reading.
 * </ul>
 *
 * Memory does not grow with the trace: one row is held at a time (except when the replay sorts).
 * NOT thread-safe.
 */
public final class TraceArrivals implements ArrivalSource, AutoCloseable {

    private static final long UNSET = Long.MIN_VALUE;
    private static final long MINUTE_US = Durations.MICROS_PER_MINUTE;
    private static final Origin[] ORIGINS = Origin.values();

    private final TraceFile trace;
    private final TraceReplay replay;
    private final boolean perMinute;
    private final ServiceTime fallback;
    private final Origin defaultOrigin;
    private final SplittableRandom spread;
    private final SplittableRandom sample;

    private TraceRows rows;
    private boolean done;
    private long startUs = UNSET;
    private long previousUs = UNSET;
    private long previousLine;
    private long lastRowEndUs;
    private long passBaseUs;
    private int pass;
    private long periodUs;
    private long rowsRead;
    private long rowsKept;
    private long arrivals;

    private long remainingInMinute;
    private double position;
    private long minuteStartUs;

    private long serviceUs;
    private Origin origin;
    private long rawUs;

    TraceArrivals(TraceFile trace, RandomStreams streams, ServiceTime fallback, Origin defaultOrigin) {
        this.trace = trace;
        this.replay = trace.replay();
        this.perMinute = trace.layout().perMinute();
        this.fallback = fallback;
        this.defaultOrigin = defaultOrigin;
        this.spread = streams.stream("workload/spread");
        this.sample = replay.sample() < 1 ? streams.stream("workload/sample") : null;
        this.rows = trace.open();
    }

    @Override
    public long next() {
        if (done) {
            return NONE;
        }
        while (true) {
            if (remainingInMinute > 0) {
                long raw = minuteStartUs + spreadOffsetUs();
                if (sampled()) {
                    return emit(raw);
                }
                continue;
            }
            if (!nextKeptRow()) {
                if (!nextPass()) {
                    return NONE;
                }
                continue;
            }
            if (perMinute) {
                remainingInMinute = rows.count();
                position = 0;
                minuteStartUs = rows.timeUs();
                continue;
            }
            if (sampled()) {
                return emit(rows.timeUs());
            }
        }
    }

    /**
     * The next of {@code k} remaining uniform points in [0, 1), in ascending order: the minimum of
     * {@code k} uniforms above the current one is {@code u + (1 - u)(1 - V^(1/k))}.
     */
    private long spreadOffsetUs() {
        double v = 1.0 - spread.nextDouble();
        position += (1.0 - position) * (1.0 - StrictMath.pow(v, 1.0 / remainingInMinute));
        remainingInMinute--;
        return Math.min(MINUTE_US - 1, (long) (position * MINUTE_US));
    }

    private boolean sampled() {
        return sample == null || sample.nextDouble() < replay.sample();
    }

    private long emit(long raw) {
        rawUs = raw;
        long rel = replay.scaled(raw - startUs);
        long t = passBaseUs + replay.offsetUs();
        t = rel > Long.MAX_VALUE - 1 - t ? Long.MAX_VALUE - 1 : t + rel;
        long s = rows.serviceUs();
        serviceUs = s == TraceRows.NO_SERVICE ? fallback.sampleUs() : s;
        int o = rows.origin();
        origin = o == TraceRows.NO_ORIGIN ? defaultOrigin : ORIGINS[o];
        arrivals++;
        return t;
    }

    private boolean nextKeptRow() {
        while (rows.advance()) {
            if (pass == 0) {
                rowsRead++;
            }
            if (!rows.kept()) {
                continue;
            }
            long t = rows.timeUs();
            if (previousUs != UNSET) {
                if (t < previousUs) {
                    throw TraceException.at(trace.name(), rows.line(), trace.layout().timestampColumn(),
                            TimestampFormat.ISO.format(t) + " is earlier than line " + previousLine + "'s "
                                    + TimestampFormat.ISO.format(previousUs) + "; sort the trace by time,"
                                    + " or replay it with sort (--sort)");
                }
                if (perMinute && t < previousUs + MINUTE_US) {
                    throw TraceException.at(trace.name(), rows.line(), trace.layout().timestampColumn(),
                            "the minute starting " + TimestampFormat.ISO.format(t) + " overlaps the minute of line "
                                    + previousLine + "; a per-minute trace has one row per minute"
                                    + " (sum the counts of one minute, or keep one queue)");
                }
            }
            previousUs = t;
            previousLine = rows.line();
            if (startUs == UNSET) {
                startUs = t;
            }
            if (pass == 0) {
                rowsKept++;
                lastRowEndUs = perMinute ? t + MINUTE_US : t + 1;
            }
            return true;
        }
        return false;
    }

    /** Closes this pass; starts the next one when repeating. */
    private boolean nextPass() {
        rows.close();
        if (pass == 0) {
            checkNotEmpty();
        }
        if (!replay.repeat()) {
            done = true;
            return false;
        }
        if (pass == 0) {
            long last = replay.scaled(lastRowEndUs - 1 - startUs);
            if (replay.repeatPeriodUs() > 0) {
                if (replay.repeatPeriodUs() < last) {
                    throw TraceException.at(trace.name(), 0, null, "the repeat period "
                            + Durations.format(replay.repeatPeriodUs()) + " is shorter than the trace, whose last"
                            + " arrival replays " + Durations.format(last) + " after its first");
                }
                periodUs = replay.repeatPeriodUs();
            } else {
                long span = replay.scaled(lastRowEndUs - startUs);
                periodUs = Math.max(MINUTE_US, (span + MINUTE_US - 1) / MINUTE_US * MINUTE_US);
            }
        }
        pass++;
        if (periodUs > (Long.MAX_VALUE / 2) / pass) {
            done = true;
            return false;
        }
        passBaseUs = pass * periodUs;
        previousUs = UNSET;
        rows = trace.open();
        return true;
    }

    private void checkNotEmpty() {
        if (rowsRead == 0) {
            throw TraceException.at(trace.name(), 0, null, "the trace has no rows"
                    + (trace.layout().format() == TraceFormat.JSONL ? "" : " under its header"));
        }
        if (rowsKept == 0) {
            throw TraceException.at(trace.name(), 0, trace.layout().queueColumn(), "no row has a queue in "
                    + trace.layout().queues() + " (" + rowsRead + " rows read)");
        }
    }

    /**
     * Reads the rows of one pass without spreading or sampling and answers the latest time an
     * arrival of it can replay at, from the scenario start.
     */
    long lastArrivalBoundUs() {
        try {
            while (nextKeptRow()) {
                // every row is checked; only the last one's time matters
            }
            checkNotEmpty();
            return replay.offsetUs() + replay.scaled(lastRowEndUs - 1 - startUs);
        } finally {
            close();
        }
    }

    @Override
    public long serviceUs() {
        return serviceUs;
    }

    @Override
    public Origin origin() {
        return origin;
    }

    /** The current job's queue, or {@code null} without a queue column; allocates. */
    public String queue() {
        return rows.queue();
    }

    /** The current job's time on the trace's own clock, epoch microseconds (before offset and scale). */
    public long traceTimeUs() {
        return rawUs;
    }

    /** The trace's start in epoch microseconds, known once the first row is read. */
    public long startUs() {
        return startUs;
    }

    /** Rows read in the first pass, kept or not. */
    public long rowsRead() {
        return rowsRead;
    }

    /** Rows of the first pass the queue filter kept. */
    public long rowsKept() {
        return rowsKept;
    }

    /** Arrivals returned so far. */
    public long arrivals() {
        return arrivals;
    }

    /** Closes the file; later calls to {@link #next()} return {@link #NONE}. */
    @Override
    public void close() {
        done = true;
        rows.close();
    }
}
