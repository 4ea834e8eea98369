package dev.pollsim.sim.trace;

import dev.pollsim.policy.param.Durations;
import dev.pollsim.sim.engine.RandomStreams;
import dev.pollsim.sim.workload.Origin;
import dev.pollsim.sim.workload.ServiceTime;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A recorded trace ready to replay: the file, how to read its rows and how to place them on the
 * simulated clock. Every call to {@link #arrivals} reads the file afresh, so each policy of a run
 * sees the same arrivals. Immutable and thread-safe; the sources it returns are not.
 *
 * @param path the file
 * @param name the file as named in messages
 * @param layout how to read its rows
 * @param replay how to place them on the clock
 */
public record TraceFile(Path path, String name, TraceLayout layout, TraceReplay replay) {

    public TraceFile {
        name = name == null ? path.toString() : name;
        replay = replay == null ? TraceReplay.AS_IS : replay;
    }

    /**
     * The arrivals of the trace.
     *
     * @param streams the run's streams ({@code workload/spread}, {@code workload/sample})
     * @param fallback service times of jobs whose row has none
     * @param origin the origin of jobs whose row names none
     */
    public TraceArrivals arrivals(RandomStreams streams, ServiceTime fallback, Origin origin) {
        return new TraceArrivals(this, streams, fallback, origin);
    }

    /**
     * The smallest number of whole days that holds every arrival of one pass of the trace, after
     * the offset and the scale: one more than the day of the last possible arrival. Reads the
     * whole file once.
     */
    public int days() {
        long bound = new TraceArrivals(withReplay(replay.once()), new RandomStreams(0), ServiceTime.constant(0),
                Origin.REMOTE).lastArrivalBoundUs();
        return (int) Math.min(Integer.MAX_VALUE, bound / Durations.MICROS_PER_DAY + 1);
    }

    /** This trace, replayed another way. */
    public TraceFile withReplay(TraceReplay other) {
        return new TraceFile(path, name, layout, other);
    }

    /** Opens the file at its first row (sorted when the replay asks for it). */
    TraceRows open() {
        InputStream in;
        try {
            in = Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw TraceException.at(name, 0, null, "no such file");
        } catch (IOException e) {
            throw TraceException.at(name, 0, null, "cannot read: " + e.getMessage());
        }
        RowDecoder decoder = new RowDecoder(name, layout);
        TraceRows rows;
        try {
            rows = layout.format() == TraceFormat.JSONL ? new JsonLinesRows(in, decoder) : new DelimitedRows(in, decoder);
        } catch (RuntimeException e) {
            try {
                in.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        if (!replay.sort()) {
            return rows;
        }
        return new SortedRows(rows, layout.serviceColumn() != null, layout.perMinute(),
                layout.originColumn() != null, layout.queueColumn() != null);
    }
}
