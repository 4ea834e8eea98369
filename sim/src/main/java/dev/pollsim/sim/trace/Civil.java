package dev.pollsim.sim.trace;

/**
 * Proleptic Gregorian calendar arithmetic on plain integers (H. Hinnant's days-from-civil
 * algorithms), so that a timestamp is read and written without {@code java.time} objects per row.
 * Stateless.
 */
final class Civil {

    static final long MICROS_PER_SECOND = 1_000_000L;
    static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;
    private static final long DAYS_0000_TO_1970 = 719_468L;

    private Civil() {}

    /** Days from 1970-01-01 to the given date; month 1..12, day 1..31 (not checked here). */
    static long epochDay(long year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - DAYS_0000_TO_1970;
    }

    /** Days in the month, for validating a date. */
    static int daysInMonth(long year, int month) {
        switch (month) {
            case 2:
                return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    /**
     * The civil date of an epoch day, packed as {@code year * 10_000 + month * 100 + day} for a
     * non-negative year.
     */
    static long civil(long epochDay) {
        long z = epochDay + DAYS_0000_TO_1970;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long day = doy - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        return year * 10_000 + month * 100 + day;
    }
}
