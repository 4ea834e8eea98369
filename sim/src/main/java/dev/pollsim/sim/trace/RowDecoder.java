package dev.pollsim.sim.trace;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads the values of one trace's fields from bytes, checking each and throwing a
 * {@link TraceException} that names the file, line, column and value. Allocates only to report an
 * error or to return text. NOT thread-safe: it settles the timestamp format on the first row.
 */
final class RowDecoder {

    private static final int MAX_FRACTION_DIGITS = 9;
    private static final byte[] LOCAL = {'l', 'o', 'c', 'a', 'l'};
    private static final byte[] REMOTE = {'r', 'e', 'm', 'o', 't', 'e'};

    private final String file;
    private final TraceLayout layout;
    private final byte[][] queues;
    private TimestampFormat timestampFormat;

    RowDecoder(String file, TraceLayout layout) {
        this.file = file;
        this.layout = layout;
        this.timestampFormat = layout.timestampFormat();
        List<String> q = layout.queues();
        this.queues = new byte[q.size()][];
        for (int i = 0; i < q.size(); i++) {
            queues[i] = q.get(i).getBytes(StandardCharsets.UTF_8);
        }
    }

    String file() {
        return file;
    }

    TraceLayout layout() {
        return layout;
    }

    /** Epoch microseconds of the timestamp in {@code b[from, to)}. */
    long timestamp(byte[] b, int from, int to, long line, String column) {
        if (timestampFormat == null) {
            timestampFormat = TimestampFormat.detect(b, from, to);
            if (timestampFormat == null) {
                throw error(line, column, "cannot tell the format of the timestamp " + quoted(b, from, to)
                        + "; declare it as one of " + String.join(", ", TimestampFormat.LABELS));
            }
        }
        long t = timestampFormat.parse(b, from, to);
        if (t == TimestampFormat.INVALID) {
            throw error(line, column, "expected " + timestampFormat.expected() + ", got " + quoted(b, from, to));
        }
        return t;
    }

    /** A non-negative decimal of the service unit, in whole microseconds (rounded down). */
    long service(byte[] b, int from, int to, long line, String column) {
        long unit = layout.serviceUnit().micros();
        int p = from;
        long whole = 0;
        int digits = 0;
        while (p < to && b[p] >= '0' && b[p] <= '9') {
            whole = whole * 10 + (b[p++] - '0');
            if (++digits > 15) {
                throw error(line, column, "service time " + quoted(b, from, to) + " is too large");
            }
        }
        long fraction = 0;
        long scale = 1;
        if (p < to && b[p] == '.') {
            p++;
            int n = 0;
            while (p < to && b[p] >= '0' && b[p] <= '9') {
                if (n++ < MAX_FRACTION_DIGITS) {
                    fraction = fraction * 10 + (b[p] - '0');
                    scale *= 10;
                }
                p++;
            }
            digits += n;
        }
        if (p != to || digits == 0) {
            throw error(line, column, "expected a service time in " + layout.serviceUnit().label()
                    + ", a number >= 0 such as 32.5, got " + quoted(b, from, to));
        }
        if (whole > Long.MAX_VALUE / unit / 2) {
            throw error(line, column, "service time " + quoted(b, from, to) + " is too large");
        }
        return whole * unit + fraction * unit / scale;
    }

    /** A per-minute count: a whole number {@code >= 0} ({@code 3.0} is read as 3). */
    long count(byte[] b, int from, int to, long line, String column) {
        int p = from;
        long n = 0;
        int digits = 0;
        while (p < to && b[p] >= '0' && b[p] <= '9') {
            n = n * 10 + (b[p++] - '0');
            if (++digits > 15) {
                throw error(line, column, "count " + quoted(b, from, to) + " is too large");
            }
        }
        if (p < to && b[p] == '.') {
            p++;
            while (p < to && b[p] == '0') {
                p++;
            }
        }
        if (p != to || digits == 0) {
            throw error(line, column, "expected a count, a whole number >= 0, got " + quoted(b, from, to));
        }
        return n;
    }

    /** The origin ordinal of {@code local} or {@code remote} (any case). */
    int origin(byte[] b, int from, int to, long line, String column) {
        if (equalsIgnoreCase(b, from, to, LOCAL)) {
            return dev.pollsim.sim.workload.Origin.LOCAL.ordinal();
        }
        if (equalsIgnoreCase(b, from, to, REMOTE)) {
            return dev.pollsim.sim.workload.Origin.REMOTE.ordinal();
        }
        throw error(line, column, "expected local or remote, got " + quoted(b, from, to));
    }

    /** Whether the queue named in {@code b[from, to)} is one the filter keeps. */
    boolean queueKept(byte[] b, int from, int to) {
        if (queues.length == 0) {
            return true;
        }
        for (byte[] q : queues) {
            if (q.length == to - from && java.util.Arrays.equals(b, from, to, q, 0, q.length)) {
                return true;
            }
        }
        return false;
    }

    static String text(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    TraceException error(long line, String column, String what) {
        return TraceException.at(file, line, column, what);
    }

    static String quoted(byte[] b, int from, int to) {
        return TraceException.quote(text(b, from, Math.min(to, from + TraceException.MAX_QUOTED_CHARS + 1)));
    }

    private static boolean equalsIgnoreCase(byte[] b, int from, int to, byte[] lower) {
        if (to - from != lower.length) {
            return false;
        }
        for (int i = 0; i < lower.length; i++) {
            if ((b[from + i] | 0x20) != lower[i]) {
                return false;
            }
        }
        return true;
    }
}
