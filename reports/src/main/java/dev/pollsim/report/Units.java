package dev.pollsim.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Unit conversions shared by every output format; exact where the value allows. */
final class Units {

    private Units() {}

    /** Whole microseconds as exact milliseconds ({@code 1500 -> 1.5}). */
    static BigDecimal millis(long micros) {
        return plain(BigDecimal.valueOf(micros, 3));
    }

    /** Fractional microseconds as milliseconds, rounded half-even to the microsecond. */
    static BigDecimal millis(double micros) {
        return plain(BigDecimal.valueOf(micros).setScale(0, RoundingMode.HALF_EVEN).movePointLeft(3));
    }

    /** A number rounded half-even to {@code places} decimals, trailing zeros dropped. */
    static BigDecimal round(double value, int places) {
        return plain(BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_EVEN));
    }

    private static BigDecimal plain(BigDecimal b) {
        BigDecimal s = b.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0, RoundingMode.UNNECESSARY) : s;
    }
}
