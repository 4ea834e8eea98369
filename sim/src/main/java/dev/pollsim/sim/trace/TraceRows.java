package dev.pollsim.sim.trace;

import java.io.Closeable;

/**
 * The rows of a trace file, read one at a time in file order. After {@link #advance()} returns
 * true, the other methods describe that row until the next call. Implementations keep no object
 * per row. NOT thread-safe.
 */
interface TraceRows extends Closeable {

    /** {@link #serviceUs()} when the trace has no service-time column. */
    long NO_SERVICE = -1L;
    /** {@link #origin()} when the trace has no origin column. */
    int NO_ORIGIN = -1;

    /**
     * Moves to the next row.
     *
     * @return false at the end of the file
     * @throws TraceException naming the file, line, column and value of a row that cannot be read
     */
    boolean advance();

    /** The row's time in epoch microseconds (for a per-minute row, the start of its minute). */
    long timeUs();

    /** Jobs the row stands for: 1, or a per-minute row's count. */
    long count();

    /** The row's service time in microseconds, or {@link #NO_SERVICE}. */
    long serviceUs();

    /** The row's {@link dev.pollsim.sim.workload.Origin} ordinal, or {@link #NO_ORIGIN}. */
    int origin();

    /** Whether the row passes the queue filter (always true without one). */
    boolean kept();

    /** The 1-based line the row starts on. */
    long line();

    /** The row's queue name, or {@code null} without a queue column; allocates. */
    String queue();

    /** The file name used in messages. */
    String file();

    @Override
    void close();
}
