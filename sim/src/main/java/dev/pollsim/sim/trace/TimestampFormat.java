package dev.pollsim.sim.trace;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How a trace writes its timestamps, and the byte-level scanner that reads them into epoch
 * microseconds without allocating. Times finer than a microsecond are cut to the microsecond
 * below (floor), which keeps the order of the rows.
 *
 * <ul>
 *   <li>{@code epoch-s}, {@code epoch-ms}, {@code epoch-us}, {@code epoch-ns}: a non-negative
 *       count of the unit since 1970-01-01T00:00:00Z (or since any origin: a trace of relative
 *       seconds reads as {@code epoch-s}), with an optional decimal fraction;
 *   <li>{@code iso}: ISO-8601 {@code yyyy-MM-ddTHH:mm:ss[.f...]} with {@code Z}, an offset
 *       {@code +HH:MM}, {@code +HHMM} or {@code +HH}, or no zone (read as UTC);
 *   <li>{@code datetime}: {@code yyyy-MM-dd HH:mm:ss[.f...]} with up to 9 fraction digits and no
 *       zone, read as UTC.
 * </ul>
 *
 * Stateless and thread-safe.
 */
public enum TimestampFormat {
    EPOCH_S("epoch-s", 1_000_000L),
    EPOCH_MS("epoch-ms", 1_000L),
    EPOCH_US("epoch-us", 1L),
    EPOCH_NS("epoch-ns", 0L),
    ISO("iso", 0L),
    DATETIME("datetime", 0L);

    /** Returned by {@link #parse} for a value it cannot read. */
    public static final long INVALID = Long.MIN_VALUE;

    /** The labels, as written in scenario files and on the command line. */
    public static final List<String> LABELS = Arrays.stream(values()).map(TimestampFormat::label).toList();

    private static final int MAX_FRACTION_DIGITS = 9;
    private static final long NANOS_PER_MICRO = 1_000L;

    private final String label;
    private final long unitUs;

    TimestampFormat(String label, long unitUs) {
        this.label = label;
        this.unitUs = unitUs;
    }

    /** The name used in scenario files and on the command line. */
    public String label() {
        return label;
    }

    /** The format with this label. */
    public static TimestampFormat of(String label) {
        for (TimestampFormat f : values()) {
            if (f.label.equals(label)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown timestamp format '" + label + "'; expected one of "
                + String.join(", ", LABELS));
    }

    /** What a value of this format looks like, for error messages. */
    public String expected() {
        switch (this) {
            case ISO:
                return "an ISO-8601 time such as 2024-11-15T16:57:50Z or 2024-11-15T16:57:50.25+01:00";
            case DATETIME:
                return "a time such as 2024-11-15 16:57:50 or 2024-11-15 16:57:50.6805900";
            default:
                return "a whole or decimal number of " + label.substring("epoch-".length())
                        + " since the epoch, such as 1731689870";
        }
    }

    /**
     * Guesses the format of a value written as a date: {@link #ISO} when the date and the time are
     * joined by {@code T} or a zone follows, {@link #DATETIME} when joined by a space; {@code null}
     * for anything else (epoch numbers must be declared, since their unit cannot be guessed).
     */
    public static TimestampFormat detect(byte[] b, int from, int to) {
        if (to - from < 19 || b[from + 4] != '-' || b[from + 7] != '-') {
            return null;
        }
        if (b[from + 10] == 'T' || b[from + 10] == 't') {
            return ISO;
        }
        if (b[from + 10] == ' ') {
            return DATETIME.parse(b, from, to) == INVALID ? ISO : DATETIME;
        }
        return null;
    }

    /**
     * Reads the value in {@code b[from, to)}.
     *
     * @return epoch microseconds, or {@link #INVALID}
     */
    public long parse(byte[] b, int from, int to) {
        switch (this) {
            case ISO:
                return parseDate(b, from, to, true);
            case DATETIME:
                return parseDate(b, from, to, false);
            default:
                return parseEpoch(b, from, to);
        }
    }

    /** Reads a value from text; {@link #INVALID} when it cannot. */
    public long parse(CharSequence text) {
        byte[] b = new byte[text.length()];
        for (int i = 0; i < b.length; i++) {
            char c = text.charAt(i);
            b[i] = c < 128 ? (byte) c : (byte) '?';
        }
        return parse(b, 0, b.length);
    }

    private long parseEpoch(byte[] b, int from, int to) {
        int p = from;
        long whole = 0;
        int digits = 0;
        while (p < to && b[p] >= '0' && b[p] <= '9') {
            int d = b[p++] - '0';
            if (whole > (Long.MAX_VALUE - d) / 10) {
                return INVALID;
            }
            whole = whole * 10 + d;
            digits++;
        }
        long fraction = 0;
        long fractionScale = 1;
        if (p < to && b[p] == '.') {
            p++;
            int fractionDigits = 0;
            while (p < to && b[p] >= '0' && b[p] <= '9') {
                if (fractionDigits < MAX_FRACTION_DIGITS) {
                    fraction = fraction * 10 + (b[p] - '0');
                    fractionScale *= 10;
                }
                fractionDigits++;
                p++;
            }
            if (fractionDigits == 0) {
                return INVALID;
            }
        }
        if (p != to || digits == 0) {
            return INVALID;
        }
        if (this == EPOCH_NS) {
            return whole / NANOS_PER_MICRO;
        }
        if (whole > (Long.MAX_VALUE - unitUs) / unitUs) {
            return INVALID;
        }
        return whole * unitUs + fraction * unitUs / fractionScale;
    }

    private static long parseDate(byte[] b, int from, int to, boolean iso) {
        if (to - from < 19) {
            return INVALID;
        }
        int year = digits(b, from, 4);
        int month = digits(b, from + 5, 2);
        int day = digits(b, from + 8, 2);
        int hour = digits(b, from + 11, 2);
        int minute = digits(b, from + 14, 2);
        int second = digits(b, from + 17, 2);
        byte sep = b[from + 10];
        if ((year | month | day | hour | minute | second) < 0
                || b[from + 4] != '-' || b[from + 7] != '-' || b[from + 13] != ':' || b[from + 16] != ':'
                || !(iso ? sep == 'T' || sep == 't' || sep == ' ' : sep == ' ')
                || month < 1 || month > 12 || day < 1 || day > Civil.daysInMonth(year, month)
                || hour > 23 || minute > 59 || second > 59) {
            return INVALID;
        }
        int p = from + 19;
        long micros = 0;
        if (p < to && (b[p] == '.' || b[p] == ',')) {
            p++;
            int n = 0;
            long scale = 100_000;
            while (p < to && b[p] >= '0' && b[p] <= '9') {
                if (++n > MAX_FRACTION_DIGITS) {
                    return INVALID;
                }
                micros += (b[p++] - '0') * scale;
                scale /= 10;
            }
            if (n == 0) {
                return INVALID;
            }
        }
        long offsetSeconds = 0;
        if (iso && p < to) {
            if (b[p] == 'Z' || b[p] == 'z') {
                p++;
            } else if (b[p] == '+' || b[p] == '-') {
                int sign = b[p] == '-' ? -1 : 1;
                int rest = to - p - 1;
                int oh = digits(b, p + 1, Math.min(2, rest));
                int om;
                if (rest == 2) {
                    om = 0;
                } else if (rest == 4) {
                    om = digits(b, p + 3, 2);
                } else if (rest == 5 && b[p + 3] == ':') {
                    om = digits(b, p + 4, 2);
                } else {
                    return INVALID;
                }
                if (oh < 0 || om < 0 || oh > 18 || om > 59) {
                    return INVALID;
                }
                offsetSeconds = sign * (oh * 3600L + om * 60L);
                p = to;
            }
        }
        if (p != to) {
            return INVALID;
        }
        long seconds = Civil.epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second
                - offsetSeconds;
        return seconds * Civil.MICROS_PER_SECOND + micros;
    }

    /** The {@code n} decimal digits at {@code b[at]}, or -1 when one is not a digit. */
    private static int digits(byte[] b, int at, int n) {
        if (n <= 0) {
            return -1;
        }
        int v = 0;
        for (int i = at; i < at + n; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /**
     * Writes {@code epochUs} in this format into {@code out} at {@code pos}: exact to the
     * microsecond (six fraction digits for the date forms; the shortest exact decimal for the
     * epoch forms).
     *
     * @return the position after the value
     */
    public int write(long epochUs, byte[] out, int pos) {
        switch (this) {
            case EPOCH_US:
                return writeLong(epochUs, out, pos);
            case EPOCH_NS:
                pos = writeLong(epochUs, out, pos);
                out[pos++] = '0';
                out[pos++] = '0';
                out[pos++] = '0';
                return pos;
            case EPOCH_S:
            case EPOCH_MS:
                return writeDecimal(epochUs, unitUs, out, pos);
            default:
                return writeDate(epochUs, this == ISO, out, pos);
        }
    }

    /** {@link #write} into a new string. */
    public String format(long epochUs) {
        byte[] out = new byte[40];
        int n = write(epochUs, out, 0);
        return new String(out, 0, n, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Writes {@code micros / unitUs} as the shortest exact decimal. */
    static int writeDecimal(long micros, long unitUs, byte[] out, int pos) {
        if (micros < 0) {
            out[pos++] = '-';
            micros = -micros;
        }
        pos = writeLong(micros / unitUs, out, pos);
        long rest = micros % unitUs;
        if (rest != 0) {
            out[pos++] = '.';
            for (long scale = unitUs / 10; scale > 0 && rest != 0; scale /= 10) {
                out[pos++] = (byte) ('0' + rest / scale);
                rest %= scale;
            }
        }
        return pos;
    }

    static int writeLong(long v, byte[] out, int pos) {
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                byte[] min = Long.toString(v).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                System.arraycopy(min, 0, out, pos, min.length);
                return pos + min.length;
            }
            out[pos++] = '-';
            v = -v;
        }
        int start = pos;
        do {
            out[pos++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
        for (int i = start, j = pos - 1; i < j; i++, j--) {
            byte t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return pos;
    }

    private static int writeDate(long epochUs, boolean iso, byte[] out, int pos) {
        long day = Math.floorDiv(epochUs, Civil.MICROS_PER_DAY);
        long inDay = epochUs - day * Civil.MICROS_PER_DAY;
        long ymd = Civil.civil(day);
        long year = ymd / 10_000;
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "epoch microseconds %d fall outside years 0000..9999", epochUs));
        }
        pos = fixed(year, 4, out, pos);
        out[pos++] = '-';
        pos = fixed(ymd / 100 % 100, 2, out, pos);
        out[pos++] = '-';
        pos = fixed(ymd % 100, 2, out, pos);
        out[pos++] = iso ? (byte) 'T' : (byte) ' ';
        long seconds = inDay / Civil.MICROS_PER_SECOND;
        pos = fixed(seconds / 3600, 2, out, pos);
        out[pos++] = ':';
        pos = fixed(seconds / 60 % 60, 2, out, pos);
        out[pos++] = ':';
        pos = fixed(seconds % 60, 2, out, pos);
        out[pos++] = '.';
        pos = fixed(inDay % Civil.MICROS_PER_SECOND, 6, out, pos);
        if (iso) {
            out[pos++] = 'Z';
        }
        return pos;
    }

    private static int fixed(long v, int width, byte[] out, int pos) {
        for (int i = pos + width - 1; i >= pos; i--) {
            out[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return pos + width;
    }
}
