package dev.pollsim.sim.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.pollsim.policy.param.Durations;
import dev.pollsim.sim.workload.Origin;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes arrivals as a trace that pollsim reads back: a header (or JSON field names)
 * {@code timestamp}, then {@code service_s} (exact decimal seconds), {@code queue} and
 * {@code origin} when asked for. A per-minute writer counts the arrivals of each minute instead
 * and writes every minute from the first to the last, empty ones included, with the mean service
 * time of the minute. Arrivals must come in time order. NOT thread-safe.
 */
public abstract class TraceWriter implements AutoCloseable {

    /** Column names, as written. */
    public static final String TIMESTAMP = "timestamp";
    public static final String SERVICE = "service_s";
    public static final String QUEUE = "queue";
    public static final String ORIGIN = "origin";
    public static final String COUNT = "count";

    private static final int BUFFER_BYTES = 1 << 16;

    final OutputStream out;
    final TimestampFormat timestamps;
    final boolean service;
    final boolean queue;
    final boolean origin;
    final byte[] row = new byte[512];

    TraceWriter(OutputStream out, TimestampFormat timestamps, boolean service, boolean queue, boolean origin) {
        this.out = new BufferedOutputStream(out, BUFFER_BYTES);
        this.timestamps = timestamps;
        this.service = service;
        this.queue = queue;
        this.origin = origin;
    }

    /**
     * A writer of {@code format}.
     *
     * @param out where to write; closed by {@link #close()}
     * @param timestamps how to write times
     * @param service write service times
     * @param queue write queue names (not for per-minute)
     * @param origin write origins (not for per-minute)
     */
    public static TraceWriter open(OutputStream out, TraceFormat format, TimestampFormat timestamps,
            boolean service, boolean queue, boolean origin) {
        switch (format) {
            case CSV:
                return new Delimited(out, (byte) ',', timestamps, service, queue, origin);
            case TSV:
                return new Delimited(out, (byte) '\t', timestamps, service, queue, origin);
            case JSONL:
                return new JsonLines(out, timestamps, service, queue, origin);
            default:
                return new PerMinute(out, timestamps, service);
        }
    }

    /**
     * Writes one arrival.
     *
     * @param epochUs its time
     * @param serviceUs its service time (ignored unless service times are written)
     * @param queueName its queue (ignored unless queues are written; {@code null} writes empty)
     * @param jobOrigin its origin (ignored unless origins are written)
     */
    public abstract void write(long epochUs, long serviceUs, String queueName, Origin jobOrigin);

    /** Flushes what is pending and closes the output. */
    @Override
    public void close() {
        try {
            finish();
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void finish() throws IOException {
        // nothing pending by default
    }

    static int put(byte[] row, int pos, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, row, pos, b.length);
        return pos + b.length;
    }

    void flushRow(int n) {
        try {
            out.write(row, 0, n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CSV or TSV. */
    static final class Delimited extends TraceWriter {
        private final byte delimiter;

        Delimited(OutputStream out, byte delimiter, TimestampFormat timestamps, boolean service, boolean queue,
                boolean origin) {
            super(out, timestamps, service, queue, origin);
            this.delimiter = delimiter;
            String d = String.valueOf((char) delimiter);
            String header = TIMESTAMP + (service ? d + SERVICE : "") + (queue ? d + QUEUE : "")
                    + (origin ? d + ORIGIN : "") + "\n";
            flushRow(put(row, 0, header));
        }

        @Override
        public void write(long epochUs, long serviceUs, String queueName, Origin jobOrigin) {
            int p = timestamps.write(epochUs, row, 0);
            if (service) {
                row[p++] = delimiter;
                p = TimestampFormat.writeDecimal(serviceUs, Durations.MICROS_PER_SECOND, row, p);
            }
            if (queue) {
                row[p++] = delimiter;
                flushRow(p);
                p = 0;
                writeText(queueName == null ? "" : queueName);
            }
            if (origin) {
                row[p++] = delimiter;
                p = put(row, p, jobOrigin.label());
            }
            row[p++] = '\n';
            flushRow(p);
        }

        private void writeText(String text) {
            boolean special = false;
            for (int i = 0; i < text.length() && !special; i++) {
                char c = text.charAt(i);
                special = c == delimiter || c == '"' || c == '\n' || c == '\r';
            }
            if (special && delimiter == '\t') {
                throw new IllegalArgumentException("a TSV value cannot hold a tab or a line break: '" + text + "'");
            }
            String written = special ? '"' + text.replace("\"", "\"\"") + '"' : text;
            try {
                out.write(written.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** JSON Lines: times as numbers for epoch formats, as strings otherwise. */
    static final class JsonLines extends TraceWriter {
        private final JsonGenerator json;

        JsonLines(OutputStream out, TimestampFormat timestamps, boolean service, boolean queue, boolean origin) {
            super(out, timestamps, service, queue, origin);
            try {
                json = JsonFactory.builder().build().createGenerator(this.out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            json.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
        }

        @Override
        public void write(long epochUs, long serviceUs, String queueName, Origin jobOrigin) {
            try {
                json.writeStartObject();
                json.writeFieldName(TIMESTAMP);
                String t = timestamps.format(epochUs);
                if (timestamps == TimestampFormat.ISO || timestamps == TimestampFormat.DATETIME) {
                    json.writeString(t);
                } else {
                    json.writeNumber(t);
                }
                if (service) {
                    int n = TimestampFormat.writeDecimal(serviceUs, Durations.MICROS_PER_SECOND, row, 0);
                    json.writeFieldName(SERVICE);
                    json.writeNumber(new String(row, 0, n, StandardCharsets.US_ASCII));
                }
                if (queue) {
                    json.writeStringField(QUEUE, queueName == null ? "" : queueName);
                }
                if (origin) {
                    json.writeStringField(ORIGIN, jobOrigin.label());
                }
                json.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        void finish() throws IOException {
            json.flush();
            out.write('\n');
        }
    }

    /** Per-minute counts, every minute from the first arrival's to the last one's. */
    static final class PerMinute extends TraceWriter {
        private static final long NONE = Long.MIN_VALUE;
        private long minuteUs = NONE;
        private long count;
        private long serviceSumUs;

        PerMinute(OutputStream out, TimestampFormat timestamps, boolean service) {
            super(out, timestamps, service, false, false);
            flushRow(put(row, 0, TIMESTAMP + "," + COUNT + (service ? "," + SERVICE : "") + "\n"));
        }

        @Override
        public void write(long epochUs, long serviceUs, String queueName, Origin jobOrigin) {
            long minute = Math.floorDiv(epochUs, Durations.MICROS_PER_MINUTE) * Durations.MICROS_PER_MINUTE;
            if (minuteUs != NONE && minute < minuteUs) {
                throw new IllegalArgumentException("arrivals must come in time order");
            }
            if (minuteUs == NONE) {
                minuteUs = minute;
            }
            while (minuteUs < minute) {
                writeMinute();
                minuteUs += Durations.MICROS_PER_MINUTE;
                count = 0;
                serviceSumUs = 0;
            }
            count++;
            serviceSumUs += serviceUs;
        }

        private void writeMinute() {
            int p = timestamps.write(minuteUs, row, 0);
            row[p++] = ',';
            p = TimestampFormat.writeLong(count, row, p);
            if (service) {
                row[p++] = ',';
                p = TimestampFormat.writeDecimal(count == 0 ? 0 : serviceSumUs / count, Durations.MICROS_PER_SECOND,
                        row, p);
            }
            row[p++] = '\n';
            flushRow(p);
        }

        @Override
        void finish() {
            if (minuteUs != NONE) {
                writeMinute();
            }
        }
    }
}
