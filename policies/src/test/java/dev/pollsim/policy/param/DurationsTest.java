package dev.pollsim.policy.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
        "250ms, 250000",
        "10s, 10000000",
        "5m, 300000000",
        "2h, 7200000000",
        "1d, 86400000000",
        "1.5s, 1500000",
        "100us, 100",
        "0s, 0",
        "22.5s, 22500000"
    })
    void shouldParseExactMicroseconds(String text, long micros) {
        assertThat(Durations.parseMicros(text)).isEqualTo(micros);
    }

    @ParameterizedTest
    @CsvSource({"10", "10 sec", "-5s", "1.5us", "abc", "''"})
    void shouldRefuseMalformedDurationsSayingWhatWasExpected(String text) {
        assertThatThrownBy(() -> Durations.parseMicros(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching(".*(expected a duration|not a whole number).*");
    }

    @Test
    void shouldSayWhenOnlyTheUnitIsMissing() {
        assertThatThrownBy(() -> Durations.parseMicros("10")).hasMessageContaining("the unit is missing");
    }

    @Test
    void shouldFormatInTheLargestExactUnit() {
        assertThat(Durations.format(10_000_000L)).isEqualTo("10s");
        assertThat(Durations.format(22_500_000L)).isEqualTo("22.5s");
        assertThat(Durations.format(120_000_000L)).isEqualTo("2m");
        assertThat(Durations.format(86_400_000_000L)).isEqualTo("1d");
        assertThat(Durations.format(250_000L)).isEqualTo("250ms");
        assertThat(Durations.format(7L)).isEqualTo("7us");
        assertThat(Durations.format(0L)).isEqualTo("0s");
    }

    @Property
    void formatThenParseIsTheIdentity(@ForAll @LongRange(min = 0, max = 1_000_000_000_000_000L) long micros) {
        assertThat(Durations.parseMicros(Durations.format(micros))).isEqualTo(micros);
    }
}
