package dev.pollsim.policy.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pollsim.policy.LoopSpec;
import dev.pollsim.policy.PolicyDefinition;
import dev.pollsim.policy.TickError;
import dev.pollsim.policy.TickOutcome;
import dev.pollsim.policy.param.ParamException;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BuiltinPoliciesTest {

    private final TickOutcome idle = new TickOutcome().set(0, 0, false, TickError.NONE, TickOutcome.NO_DEADLINE);

    @Test
    void shouldBuildEveryPolicyThatRunsWithDefaultsFromThem() {
        for (PolicyDefinition d : BuiltinPolicies.catalogue().withDefaults()) {
            var factory = d.factory(d.resolve(Map.of()));
            for (LoopSpec loop : factory.loops()) {
                var policy = factory.create(loop, new SplittableRandom(1));
                assertThat(policy.initialIntervalUs()).as(d.name()).isPositive();
                assertThat(policy.onTick(0, idle)).as(d.name()).isGreaterThanOrEqualTo(-1);
            }
        }
    }

    @Test
    void shouldApplyWrittenParameters() {
        PolicyDefinition d = BuiltinPolicies.catalogue().find("exp-idle").orElseThrow();
        var p = d.factory(d.resolve(Map.of("interval", "5s", "multiplier", "2", "cap", "20s")))
                .create(LoopSpec.WORKER, new SplittableRandom(1));
        assertThat(p.onTick(0, idle)).isEqualTo(10_000_000L);
        assertThat(p.onTick(0, idle)).isEqualTo(20_000_000L);
        assertThat(p.onTick(0, idle)).isEqualTo(20_000_000L);
    }

    @Test
    void shouldRefuseACapBelowTheInterval() {
        PolicyDefinition d = BuiltinPolicies.catalogue().find("exp-idle").orElseThrow();
        assertThatThrownBy(() -> d.factory(d.resolve(Map.of("cap", "5s"))))
                .isInstanceOf(ParamException.class)
                .hasMessageContaining("below interval");
    }

    @Test
    void shouldListDefaultsInCanonicalForm() {
        PolicyDefinition d = BuiltinPolicies.catalogue().find("exp-idle").orElseThrow();
        assertThat(d.resolve(Map.of("cap", "120000ms")).asWritten())
                .containsEntry("cap", "2m")
                .containsEntry("multiplier", "1.5");
    }
}
