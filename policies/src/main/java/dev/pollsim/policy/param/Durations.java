package dev.pollsim.policy.param;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as written in scenario files and on the command line: a decimal number and a unit,
 * {@code 250ms}, {@code 10s}, {@code 1.5m}, {@code 2h}, {@code 1d}, {@code 100us}.
 *
 * <p>Values are exact microseconds: a duration that is not a whole number of microseconds is
 * refused rather than rounded.
 */
public final class Durations {

    public static final long MICROS_PER_MILLI = 1_000L;
    public static final long MICROS_PER_SECOND = 1_000_000L;
    public static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
    public static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
    public static final long MICROS_PER_DAY = 24 * MICROS_PER_HOUR;

    /** What a duration looks like, for error messages. */
    public static final String EXPECTED = "a duration such as 250ms, 10s, 5m, 2h or 1d";

    private static final Pattern FORMAT =
            Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(us|µs|ms|s|m|h|d)\\s*");

    private Durations() {}

    /**
     * Parses a duration.
     *
     * @throws IllegalArgumentException with a message saying what was expected
     */
    public static long parseMicros(String text) {
        if (text == null) {
            throw new IllegalArgumentException("expected " + EXPECTED + ", got nothing");
        }
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            if (text.trim().matches("\\d+(\\.\\d+)?")) {
                throw new IllegalArgumentException(
                        "expected " + EXPECTED + ", got '" + text + "' (the unit is missing)");
            }
            throw new IllegalArgumentException("expected " + EXPECTED + ", got '" + text + "'");
        }
        BigDecimal amount = new BigDecimal(m.group(1));
        BigDecimal micros = amount.multiply(BigDecimal.valueOf(unitMicros(m.group(2))));
        if (micros.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a whole number of microseconds");
        }
        try {
            return micros.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration", e);
        }
    }

    /**
     * Formats a duration in the largest unit that states it exactly, falling back to decimal
     * seconds: {@code 10s}, {@code 22.5s}, {@code 2m}, {@code 1d}, {@code 250ms}.
     */
    public static String format(long micros) {
        if (micros == 0) {
            return "0s";
        }
        if (micros % MICROS_PER_DAY == 0) {
            return (micros / MICROS_PER_DAY) + "d";
        }
        if (micros % MICROS_PER_HOUR == 0) {
            return (micros / MICROS_PER_HOUR) + "h";
        }
        if (micros % MICROS_PER_MINUTE == 0) {
            return (micros / MICROS_PER_MINUTE) + "m";
        }
        if (Math.abs(micros) >= MICROS_PER_SECOND) {
            return BigDecimal.valueOf(micros)
                            .divide(BigDecimal.valueOf(MICROS_PER_SECOND), 6, RoundingMode.UNNECESSARY)
                            .stripTrailingZeros()
                            .toPlainString()
                    + "s";
        }
        if (micros % MICROS_PER_MILLI == 0) {
            return (micros / MICROS_PER_MILLI) + "ms";
        }
        return micros + "us";
    }

    private static long unitMicros(String unit) {
        switch (unit) {
            case "us":
            case "µs":
                return 1L;
            case "ms":
                return MICROS_PER_MILLI;
            case "s":
                return MICROS_PER_SECOND;
            case "m":
                return MICROS_PER_MINUTE;
            case "h":
                return MICROS_PER_HOUR;
            case "d":
                return MICROS_PER_DAY;
            default:
                throw new IllegalArgumentException("unknown unit " + unit);
        }
    }
}
