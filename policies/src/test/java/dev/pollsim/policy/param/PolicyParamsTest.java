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

    private final List<ParamSpec> parts = List.of(
            ParamSpec.choice("curve.kind", ParamSpec.NO_DEFAULT, List.of("fixed", "geometric"), "d"),
            ParamSpec.duration("curve.floor", "10s", "1us", "d"),
            ParamSpec.duration("curve.cap", ParamSpec.NO_DEFAULT, "1us", "d"),
            ParamSpec.list("reset", "work,wake", List.of("work", "freedSlot", "wake"), "d"),
            ParamSpec.duration("errors.rateLimited.min", "30s", "0s", "d"),
            ParamSpec.duration("errors.other.min", "0s", "0s", "d"));

    @Test
    void shouldLeaveAParameterWithNoDefaultUnsetUnlessGiven() {
        PolicyParams p = PolicyParams.resolve(parts, Map.of("curve.kind", "geometric"));
        assertThat(p.has("curve.cap")).isTrue();
        assertThat(p.isSet("curve.cap")).isFalse();
        assertThat(p.isSet("curve.floor")).isTrue();
        assertThat(p.isGiven("curve.floor")).isFalse();
        assertThat(p.isGiven("curve.kind")).isTrue();
        assertThat(p.asWritten()).containsOnlyKeys("curve.kind", "curve.floor", "reset", "errors.rateLimited.min",
                "errors.other.min");
        assertThatThrownBy(() -> p.micros("curve.cap")).hasMessageContaining("'curve.cap' is not set");
        assertThat(parts.get(0).hasDefault()).isFalse();
        assertThat(parts.get(1).hasDefault()).isTrue();
    }

    @Test
    void shouldReadAListOfChoicesAndWriteItBackCanonically() {
        PolicyParams p = PolicyParams.resolve(parts, Map.of("reset", " wake , work"));
        assertThat(p.list("reset")).containsExactly("wake", "work");
        assertThat(p.asWritten().get("reset")).isEqualTo("wake,work");
        assertThat(PolicyParams.resolve(parts, Map.of("reset", "none")).list("reset")).isEmpty();
        assertThat(PolicyParams.resolve(parts, Map.of("reset", "")).asWritten().get("reset")).isEqualTo("none");
        assertThat(PolicyParams.resolve(parts, Map.of()).list("reset")).containsExactly("work", "wake");
        assertThatThrownBy(() -> PolicyParams.resolve(parts, Map.of("reset", "work,sleep")))
                .isInstanceOfSatisfying(ParamException.class, e -> assertThat(e.param()).isEqualTo("reset"))
                .hasMessage("expected some of work, freedSlot, wake (or none), got 'sleep'");
        assertThatThrownBy(() -> PolicyParams.resolve(parts, Map.of("reset", "work,work")))
                .hasMessage("'work' appears twice");
    }

    @Test
    void shouldKeepWhatWasGivenAcrossAChange() {
        PolicyParams p = PolicyParams.resolve(parts, Map.of("curve.kind", "fixed"))
                .with(parts, Map.of("curve.floor", "5s"));
        assertThat(p.isGiven("curve.kind")).isTrue();
        assertThat(p.isGiven("curve.floor")).isTrue();
        assertThat(p.isGiven("reset")).isFalse();
        assertThat(p.micros("curve.floor")).isEqualTo(5_000_000L);
        assertThat(p.isSet("curve.cap")).isFalse();
    }

    @Test
    void shouldNameTheFieldsOfAPartWhenOneIsUnknown() {
        assertThatThrownBy(() -> PolicyParams.resolve(parts, Map.of("curve.knd", "fixed")))
                .isInstanceOfSatisfying(ParamException.class, e -> assertThat(e.param()).isEqualTo("curve.knd"))
                .hasMessage("unknown field 'knd' of curve; expected one of kind, floor, cap");
        assertThatThrownBy(() -> PolicyParams.resolve(parts, Map.of("errors.rateLimited.max", "1m")))
                .hasMessage("unknown field 'max' of errors.rateLimited; expected one of min");
        assertThatThrownBy(() -> PolicyParams.resolve(parts, Map.of("curv.kind", "fixed")))
                .hasMessage("unknown parameter 'curv.kind'; expected one of curve, reset, errors");
        assertThatThrownBy(() -> PolicyParams.resolve(parts, Map.of("errors", "none")))
                .hasMessage("'errors' takes a map of rateLimited, other");
    }

    @Test
    void shouldRefuseADefaultThatDoesNotParseButAcceptNoDefault() {
        assertThatThrownBy(() -> ParamSpec.list("wakeOn", "sometimes", List.of("localEnqueue"), "d"))
                .isInstanceOf(ParamException.class);
        assertThat(ParamSpec.list("wakeOn", "none", List.of("localEnqueue"), "d").hasDefault()).isTrue();
        assertThat(ParamSpec.duration("x", ParamSpec.NO_DEFAULT, "1us", "d").hasDefault()).isFalse();
    }
}
