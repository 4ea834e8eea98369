package dev.pollsim.policy.compose;

import java.util.random.RandomGenerator;

/**
 * How a composed policy spreads its backoff delays, in integer microseconds, drawn from the
 * loop's own seeded stream. Draws nothing when there is nothing to spread (kind {@code none}, or
 * a zero-width range), so that a policy without jitter leaves the stream to its spawn gaps.
 *
 * @param kind the kind
 * @param percent the half-width of {@link JitterKind#PERCENT}, 0..100; 0 otherwise
 */
public record Jitter(JitterKind kind, int percent) {

    public Jitter {
        if (percent < 0 || percent > 100 || (kind != JitterKind.PERCENT && percent != 0)) {
            throw new IllegalArgumentException("percent is 0..100 and goes with kind percent only");
        }
    }

    /**
     * Spreads {@code delayUs} by {@link JitterKind#PERCENT}, {@link JitterKind#FULL} or
     * {@link JitterKind#EQUAL}; any other kind returns it unchanged.
     */
    long spread(long delayUs, RandomGenerator random) {
        switch (kind) {
            case PERCENT: {
                long width = delayUs / 100 * percent + delayUs % 100 * percent / 100;
                return width == 0 ? delayUs : delayUs - width + random.nextLong(2 * width + 1);
            }
            case FULL:
                return random.nextLong(delayUs + 1);
            case EQUAL: {
                long half = delayUs / 2;
                return half + random.nextLong(delayUs - half + 1);
            }
            default:
                return delayUs;
        }
    }

    /**
     * {@code min(cap, uniform in [low, max(low, 3 x previous)])}: AWS's decorrelated jitter.
     */
    static long decorrelated(long lowUs, long capUs, long previousUs, RandomGenerator random) {
        long high = Math.max(lowUs, previousUs > Curve.MAX_DELAY_US / 3 ? Curve.MAX_DELAY_US : previousUs * 3);
        long drawn = high == lowUs ? lowUs : lowUs + random.nextLong(high - lowUs + 1);
        return Math.min(capUs, drawn);
    }
}
