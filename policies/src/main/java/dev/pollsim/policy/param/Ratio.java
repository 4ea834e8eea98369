package dev.pollsim.policy.param;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * An exact decimal factor such as {@code 1.5}, kept as a reduced fraction so that a backoff
 * curve is computed in integer microseconds with no floating-point drift.
 *
 * @param numerator positive numerator
 * @param denominator positive denominator
 */
public record Ratio(long numerator, long denominator) {

    /** The most fractional digits a factor may have. */
    public static final int MAX_SCALE = 6;

    public static final Ratio ONE = new Ratio(1, 1);

    public Ratio {
        if (numerator <= 0 || denominator <= 0) {
            throw new IllegalArgumentException("a ratio is positive: " + numerator + "/" + denominator);
        }
    }

    /**
     * Parses a positive decimal with at most {@value #MAX_SCALE} fractional digits.
     *
     * @throws IllegalArgumentException saying what was expected
     */
    public static Ratio parse(String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number such as 1.5, got '" + text + "'", e);
        }
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("expected a positive number, got '" + text + "'");
        }
        value = value.stripTrailingZeros();
        if (value.scale() > MAX_SCALE) {
            throw new IllegalArgumentException(
                    "'" + text + "' has more than " + MAX_SCALE + " decimal places");
        }
        int scale = Math.max(value.scale(), 0);
        BigInteger num = value.movePointRight(scale).toBigIntegerExact();
        BigInteger den = BigInteger.TEN.pow(scale);
        BigInteger gcd = num.gcd(den);
        try {
            return new Ratio(num.divide(gcd).longValueExact(), den.divide(gcd).longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is too large", e);
        }
    }

    /** {@code floor(micros * this)} for {@code micros >= 0}, exact; saturates at {@link Long#MAX_VALUE}. */
    public long times(long micros) {
        long product = micros * numerator;
        if (Math.multiplyHigh(micros, numerator) != 0 || product < 0) {
            return Long.MAX_VALUE;
        }
        return product / denominator;
    }

    /** True when the factor is below one. */
    public boolean lessThanOne() {
        return numerator < denominator;
    }

    @Override
    public String toString() {
        return new BigDecimal(numerator)
                .divide(new BigDecimal(denominator), MAX_SCALE, RoundingMode.UNNECESSARY)
                .stripTrailingZeros()
                .toPlainString();
    }
}
