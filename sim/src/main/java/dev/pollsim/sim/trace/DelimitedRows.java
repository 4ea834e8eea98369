package dev.pollsim.sim.trace;

import dev.pollsim.policy.param.Durations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A byte-level scanner of delimited rows (CSV, TSV, per-minute counts) under a header line. It
 * reads the file in blocks into one buffer (grown only for a line longer than the buffer), splits
 * each row into fields by offsets, and decodes only the columns in use, with no object per row.
 * CSV fields may be quoted (RFC 4180: {@code ""} inside quotes, line breaks inside quotes); TSV
 * fields are taken as written. A {@code \r\n} line end is read as {@code \n}; blank lines are not
 * rows. NOT thread-safe.
 */
final class DelimitedRows implements TraceRows {

    private static final int BLOCK_BYTES = 1 << 16;
    private static final int UNUSED = -1;

    private final InputStream in;
    private final RowDecoder decoder;
    private final boolean quoting;
    private byte delimiter;
    private byte[] buf = new byte[BLOCK_BYTES];
    private int pos;
    private int limit;
    private boolean eof;
    private long nextLine = 1;

    private final String[] header;
    private final List<int[]> headerSpans = new ArrayList<>();
    private final int timestampCol;
    private final int serviceCol;
    private final int countCol;
    private final int queueCol;
    private final int originCol;
    private final int lastCol;
    private int[] starts = new int[1];
    private int[] ends = new int[1];
    private boolean[] escaped = new boolean[1];
    private int fields;

    private long line;
    private long time;
    private long count = 1;
    private long service = NO_SERVICE;
    private int origin = NO_ORIGIN;
    private boolean kept = true;

    /**
     * Reads the header and finds the columns.
     *
     * @param in the file's bytes; closed by {@link #close()}
     * @throws TraceException for an empty file or a missing column
     */
    DelimitedRows(InputStream in, RowDecoder decoder) {
        this.in = in;
        this.decoder = decoder;
        TraceLayout layout = decoder.layout();
        this.quoting = layout.format() != TraceFormat.TSV;
        this.delimiter = layout.format() == TraceFormat.TSV ? (byte) '\t' : (byte) ',';
        this.header = readHeader(layout.format() == TraceFormat.PER_MINUTE);
        this.timestampCol = column(layout.timestampColumn(), "timestamp");
        this.serviceCol = layout.serviceColumn() == null ? UNUSED : column(layout.serviceColumn(), "service time");
        this.countCol = layout.perMinute() ? column(layout.countColumn(), "count") : UNUSED;
        this.queueCol = layout.queueColumn() == null ? UNUSED : column(layout.queueColumn(), "queue");
        this.originCol = layout.originColumn() == null ? UNUSED : column(layout.originColumn(), "origin");
        this.lastCol = Math.max(Math.max(timestampCol, serviceCol), Math.max(countCol, Math.max(queueCol, originCol)));
        this.starts = new int[lastCol + 1];
        this.ends = new int[lastCol + 1];
        this.escaped = new boolean[lastCol + 1];
    }

    private String[] readHeader(boolean sniffDelimiter) {
        if (!nextRow(true)) {
            throw TraceException.at(decoder.file(), 0, null,
                    "the file is empty; expected a header line naming the columns, then one row per "
                            + (decoder.layout().perMinute() ? "minute" : "job"));
        }
        if (sniffDelimiter && fields == 1 && indexOf(buf, headerSpans.get(0)[0], headerSpans.get(0)[1], (byte) '\t') >= 0) {
            delimiter = '\t';
            pos = 0;
            nextLine = 1;
            nextRow(true);
        }
        String[] names = new String[headerSpans.size()];
        for (int f = 0; f < names.length; f++) {
            int[] span = headerSpans.get(f);
            int e = span[2] == 1 ? unescape(span[0], span[1]) : span[1];
            names[f] = RowDecoder.text(buf, span[0], e);
        }
        if (names[0].startsWith("\uFEFF")) {
            names[0] = names[0].substring(1);
        }
        return names;
    }

    private int column(String name, String role) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(name)) {
                return i;
            }
        }
        int found = UNUSED;
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (int i = 0; i < header.length; i++) {
            if (header[i].trim().toLowerCase(Locale.ROOT).equals(wanted)) {
                if (found != UNUSED) {
                    throw TraceException.at(decoder.file(), 1, name, "two columns match the " + role
                            + " column '" + name + "' when case and spaces are ignored; name it exactly");
                }
                found = i;
            }
        }
        if (found == UNUSED) {
            throw TraceException.at(decoder.file(), 1, null, "no " + role + " column '" + name
                    + "'; the header has " + describe(header));
        }
        return found;
    }

    private static String describe(String[] names) {
        StringBuilder b = new StringBuilder();
        for (String n : names) {
            b.append(b.length() == 0 ? "" : ", ").append('\'').append(n).append('\'');
        }
        return b.toString();
    }

    @Override
    public boolean advance() {
        if (!nextRow(false)) {
            return false;
        }
        if (fields <= lastCol) {
            String missing = header[lastCol];
            for (int c : new int[] {timestampCol, serviceCol, countCol, queueCol, originCol}) {
                if (c >= fields) {
                    missing = header[c];
                    break;
                }
            }
            throw TraceException.at(decoder.file(), line, missing, "the row has " + fields + " column"
                    + (fields == 1 ? "" : "s") + " and no value for this one (the header has " + header.length + ")");
        }
        String ts = header[timestampCol];
        time = decoder.timestamp(buf, starts[timestampCol], ends[timestampCol], line, ts);
        if (countCol != UNUSED) {
            count = decoder.count(buf, starts[countCol], ends[countCol], line, header[countCol]);
            if (decoder.layout().minuteEdge() == MinuteEdge.END) {
                time -= Durations.MICROS_PER_MINUTE;
            }
        }
        if (serviceCol != UNUSED) {
            service = decoder.service(buf, starts[serviceCol], ends[serviceCol], line, header[serviceCol]);
        }
        if (originCol != UNUSED) {
            origin = decoder.origin(buf, starts[originCol], ends[originCol], line, header[originCol]);
        }
        if (queueCol != UNUSED) {
            kept = decoder.queueKept(buf, starts[queueCol], ends[queueCol]);
        }
        return true;
    }

    /**
     * Splits the next non-blank row into fields.
     *
     * @param isHeader keep every field's text as the header
     * @return false at the end of the file
     */
    private boolean nextRow(boolean isHeader) {
        while (true) {
            int end;
            while ((end = scan(pos, isHeader)) < 0) {
                refill();
            }
            if (end == pos && eof) {
                return false;
            }
            int rowStart = pos;
            pos = end;
            if (isHeader) {
                return true;
            }
            if (fields == 1 && ends[0] == starts[0] && buf[rowStart] != '"') {
                continue;
            }
            for (int f = 0; f < Math.min(fields, starts.length); f++) {
                if (escaped[f]) {
                    ends[f] = unescape(starts[f], ends[f]);
                }
            }
            return true;
        }
    }

    /**
     * Scans one row from {@code from}, recording the spans of the fields in use.
     *
     * @return the offset after the row's line end, or -1 when the buffer ends inside the row and
     *     more of the file is to come
     */
    private int scan(int from, boolean isHeader) {
        if (isHeader) {
            headerSpans.clear();
        }
        int p = from;
        int field = 0;
        long lines = 0;
        while (true) {
            int start;
            int end;
            boolean esc = false;
            if (quoting && p < limit && buf[p] == '"') {
                int q = p + 1;
                start = q;
                while (true) {
                    if (q >= limit) {
                        if (!eof) {
                            return -1;
                        }
                        throw TraceException.at(decoder.file(), nextLine + lines, null,
                                "a quoted value is not closed before the end of the file");
                    }
                    byte c = buf[q];
                    if (c == '"') {
                        if (q + 1 >= limit && !eof) {
                            return -1;
                        }
                        if (q + 1 < limit && buf[q + 1] == '"') {
                            esc = true;
                            q += 2;
                            continue;
                        }
                        break;
                    }
                    if (c == '\n') {
                        lines++;
                    }
                    q++;
                }
                end = q;
                p = q + 1;
                if (p < limit && buf[p] == '\r') {
                    if (p + 1 >= limit && !eof) {
                        return -1;
                    }
                    p++;
                }
                if (p < limit && buf[p] != delimiter && buf[p] != '\n') {
                    throw TraceException.at(decoder.file(), nextLine + lines, null,
                            "unexpected text after the closing quote of field " + (field + 1));
                }
            } else {
                start = p;
                byte d = delimiter;
                byte[] b = buf;
                int lim = limit;
                while (p < lim) {
                    byte c = b[p];
                    if (c == d || c == '\n') {
                        break;
                    }
                    p++;
                }
                if (p == lim && !eof) {
                    return -1;
                }
                end = p;
                if (end > start && b[end - 1] == '\r' && (p == lim || b[p] == '\n')) {
                    end--;
                }
            }
            if (field < starts.length) {
                starts[field] = start;
                ends[field] = end;
                escaped[field] = esc;
            }
            if (isHeader) {
                headerSpans.add(new int[] {start, end, esc ? 1 : 0});
            }
            if (p < limit && buf[p] == delimiter) {
                p++;
                field++;
                continue;
            }
            fields = field + 1;
            line = nextLine;
            nextLine += lines + (p < limit ? 1 : 0);
            return p < limit ? p + 1 : p;
        }
    }

    /** Replaces each {@code ""} in {@code buf[from, to)} by {@code "}, in place; returns the new end. */
    private int unescape(int from, int to) {
        int w = from;
        for (int r = from; r < to; r++) {
            buf[w++] = buf[r];
            if (buf[r] == '"' && r + 1 < to && buf[r + 1] == '"') {
                r++;
            }
        }
        return w;
    }

    /** Moves the unread bytes to the front, grows the buffer if a row fills it, and reads more. */
    private void refill() {
        int kept = limit - pos;
        if (kept == buf.length) {
            byte[] bigger = new byte[buf.length * 2];
            System.arraycopy(buf, pos, bigger, 0, kept);
            buf = bigger;
        } else if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, kept);
        }
        pos = 0;
        limit = kept;
        try {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(decoder.file() + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static int indexOf(byte[] b, int from, int to, byte value) {
        for (int i = from; i < to; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public long timeUs() {
        return time;
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public long serviceUs() {
        return service;
    }

    @Override
    public int origin() {
        return origin;
    }

    @Override
    public boolean kept() {
        return kept;
    }

    @Override
    public long line() {
        return line;
    }

    @Override
    public String queue() {
        return queueCol == UNUSED ? null : RowDecoder.text(buf, starts[queueCol], ends[queueCol]);
    }

    @Override
    public String file() {
        return decoder.file();
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
