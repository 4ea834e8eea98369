package dev.pollsim.policy.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class RatioTest {

    @Test
    void shouldKeepDecimalFactorsExact() {
        Ratio r = Ratio.parse("1.5");
        assertThat(r).isEqualTo(new Ratio(3, 2));
        assertThat(r.times(75_937_500L)).isEqualTo(113_906_250L);
        assertThat(Ratio.parse("2").times(7)).isEqualTo(14);
        assertThat(Ratio.parse("1.25").toString()).isEqualTo("1.25");
    }

    @Test
    void shouldSaturateInsteadOfOverflowing() {
        assertThat(Ratio.parse("3").times(Long.MAX_VALUE / 2)).isEqualTo(Long.MAX_VALUE);
    }

    @Property(tries = 2_000)
    void shouldMultiplyAsExactArithmeticWouldOrSaturate(@ForAll @LongRange(min = 0) long micros,
            @ForAll @LongRange(min = 1, max = 1_000_000_000L) long numerator,
            @ForAll @LongRange(min = 1, max = 1_000_000_000L) long denominator) {
        BigInteger exact = BigInteger.valueOf(micros).multiply(BigInteger.valueOf(numerator));
        long expected = exact.bitLength() < 64 ? exact.divide(BigInteger.valueOf(denominator)).longValueExact()
                : Long.MAX_VALUE;
        assertThat(new Ratio(numerator, denominator).times(micros)).isEqualTo(expected);
    }

    @Test
    void shouldRefuseZeroNegativeAndTooPreciseFactors() {
        assertThatThrownBy(() -> Ratio.parse("0")).hasMessageContaining("positive");
        assertThatThrownBy(() -> Ratio.parse("-2")).hasMessageContaining("positive");
        assertThatThrownBy(() -> Ratio.parse("1.0000001")).hasMessageContaining("decimal places");
        assertThatThrownBy(() -> Ratio.parse("x")).hasMessageContaining("expected a number");
    }
}
