package dev.pollsim.policy.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyParamsTest {

    private final List<ParamSpec> specs = List.of(
            ParamSpec.duration("interval", "10s", "1us", "d"),
            ParamSpec.factor("multiplier", "1.5", "1", "d"),
            ParamSpec.integer("max", "4", "1", "d"),
            ParamSpec.flag("suspend", "true", "d"));

    @Test
    void shouldUseDefaultsForWhatIsNotGiven() {
        PolicyParams p = PolicyParams.resolve(specs, Map.of("max", "8"));
        assertThat(p.micros("interval")).isEqualTo(10_000_000L);
        assertThat(p.factor("multiplier")).isEqualTo(new Ratio(3, 2));
        assertThat(p.integer("max")).isEqualTo(8);
        assertThat(p.flag("suspend")).isTrue();
    }

    @Test
    void shouldNameAnUnknownParameterAndTheKnownOnes() {
        assertThatThrownBy(() -> PolicyParams.resolve(specs, Map.of("intervall", "5s")))
                .isInstanceOfSatisfying(ParamException.class, e -> assertThat(e.param()).isEqualTo("intervall"))
                .hasMessageContaining("unknown parameter 'intervall'")
                .hasMessageContaining("interval, multiplier, max, suspend");
    }

    @Test
    void shouldNameTheParameterOfAMalformedValue() {
        assertThatThrownBy(() -> PolicyParams.resolve(specs, Map.of("interval", "soon")))
                .isInstanceOfSatisfying(ParamException.class, e -> assertThat(e.param()).isEqualTo("interval"))
                .hasMessageContaining("expected a duration");
        assertThatThrownBy(() -> PolicyParams.resolve(specs, Map.of("multiplier", "0.5")))
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> PolicyParams.resolve(specs, Map.of("max", "0")))
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> PolicyParams.resolve(specs, Map.of("suspend", "yes")))
                .hasMessageContaining("true or false");
    }
}
