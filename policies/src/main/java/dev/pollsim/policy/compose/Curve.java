package dev.pollsim.policy.compose;

import dev.pollsim.policy.param.Ratio;

/**
 * The idle curve of a composed policy: where the delay starts, how it grows per idle tick, and
 * its ceiling. Exact integer microseconds; growth saturates rather than overflows.
 *
 * @param kind how it grows
 * @param floorUs the delay it starts at and resets to (the interval of a fixed curve)
 * @param capUs the ceiling, or {@link #NO_CAP} (fixed; idle-streak without a cap)
 * @param factor growth per idle tick of a geometric curve ({@link Ratio#ONE} otherwise)
 * @param stepUs what a linear curve adds per idle tick (0 otherwise)
 * @param maxStreak the most idle ticks an idle-streak curve counts (0 otherwise)
 */
public record Curve(CurveKind kind, long floorUs, long capUs, Ratio factor, long stepUs, int maxStreak) {

    /** Marker of {@link #capUs}: the curve has no cap of its own. */
    public static final long NO_CAP = Long.MAX_VALUE;

    /** The largest delay the curve computes; beyond it a simulated run has long ended. */
    static final long MAX_DELAY_US = 1L << 60;

    private static final Ratio TWO = new Ratio(2, 1);

    public Curve {
        if (floorUs <= 0 || capUs < floorUs) {
            throw new IllegalArgumentException("need 0 < floor <= cap, got floor " + floorUs + " cap " + capUs);
        }
        if (factor.lessThanOne() || stepUs < 0 || maxStreak < 0) {
            throw new IllegalArgumentException("need factor >= 1, step >= 0, maxStreak >= 0");
        }
    }

    /** The largest delay the curve reaches. */
    public long ceilingUs() {
        switch (kind) {
            case FIXED:
                return floorUs;
            case IDLE_STREAK:
                return Math.min(streakUs(maxStreak), capUs);
            default:
                return Math.min(capUs, MAX_DELAY_US);
        }
    }

    /**
     * The delay after one more idle tick.
     *
     * @param currentUs the delay now
     * @param streak idle ticks in a row, this one included, at most {@link #maxStreak}
     */
    long grownUs(long currentUs, int streak) {
        switch (kind) {
            case LINEAR:
                return Math.min(Math.min(currentUs + stepUs, MAX_DELAY_US), capUs);
            case GEOMETRIC:
                return Math.min(Math.min(factor.times(currentUs), MAX_DELAY_US), capUs);
            case EXPONENTIAL:
                return Math.min(Math.min(TWO.times(currentUs), MAX_DELAY_US), capUs);
            case IDLE_STREAK:
                return Math.min(streakUs(streak), capUs);
            case FIXED:
            default:
                return floorUs;
        }
    }

    /** {@code floor x 2^streak}, saturating at {@link #MAX_DELAY_US}. */
    private long streakUs(int streak) {
        return streak >= Long.numberOfLeadingZeros(floorUs) - 3 ? MAX_DELAY_US : Math.min(floorUs << streak, MAX_DELAY_US);
    }
}
