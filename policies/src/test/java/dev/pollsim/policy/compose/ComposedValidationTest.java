package dev.pollsim.policy.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pollsim.policy.PolicyDefinition;
import dev.pollsim.policy.builtin.BuiltinPolicies;
import dev.pollsim.policy.param.ParamException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** A missing, unknown or contradictory part is refused, naming the field at fault. */
class ComposedValidationTest {

    private static AbstractThrowableAssert<?, ? extends Throwable> refused(String field, String... keyValues) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            given.put(keyValues[i], keyValues[i + 1]);
        }
        PolicyDefinition d = BuiltinPolicies.catalogue().find("composed").orElseThrow();
        return assertThatThrownBy(() -> d.factory(d.resolve(given)))
                .isInstanceOfSatisfying(ParamException.class, e -> assertThat(e.param()).isEqualTo(field));
    }

    @Test
    void missingPartsShouldBeNamed() {
        refused("curve.kind").hasMessageStartingWith("missing: a composed policy needs a curve kind, one of fixed, linear,"
                + " geometric, exponential, idle-streak");
        refused("curve.floor", "curve.kind", "fixed").hasMessageStartingWith("missing: the curve needs a floor");
        refused("curve.cap", "curve.kind", "exponential", "curve.floor", "1s")
                .hasMessage("missing: an exponential curve needs a cap, the ceiling it grows to, such as 2m");
        refused("curve.factor", "curve.kind", "geometric", "curve.floor", "1s", "curve.cap", "1m")
                .hasMessageStartingWith("missing: a geometric curve needs a factor");
        refused("curve.maxStreak", "curve.kind", "idle-streak", "curve.floor", "1s")
                .hasMessageStartingWith("missing: an idle-streak curve needs maxStreak");
        refused("jitter.percent", "curve.kind", "fixed", "curve.floor", "1s", "jitter.kind", "percent")
                .hasMessageStartingWith("missing: percent jitter needs jitter.percent");
    }

    @Test
    void contradictoryPartsShouldBeRefused() {
        refused("curve.cap", "curve.kind", "geometric", "curve.factor", "1.5", "curve.floor", "10s", "curve.cap", "5s")
                .hasMessage("cap (5s) is below floor (10s)");
        refused("curve.factor", "curve.kind", "geometric", "curve.factor", "0.5", "curve.floor", "10s", "curve.cap", "1m")
                .hasMessage("must be at least 1, got 0.5");
        refused("suspendAfter", "curve.kind", "fixed", "curve.floor", "10s", "suspendAfter", "5m")
                .hasMessageStartingWith("a loop that suspends after 5m never polls again without a wake source");
        refused("curve.cap", "curve.kind", "fixed", "curve.floor", "10s", "curve.cap", "1m")
                .hasMessage("a fixed curve does not grow, so it has no cap");
        refused("curve.factor", "curve.kind", "exponential", "curve.floor", "1s", "curve.cap", "1m", "curve.factor", "3")
                .hasMessage("an exponential curve doubles; for another factor use kind geometric");
        refused("curve.step", "curve.kind", "geometric", "curve.factor", "2", "curve.floor", "1s", "curve.cap", "1m",
                "curve.step", "1s").hasMessage("a step goes with a linear curve");
        refused("jitter.percent", "curve.kind", "fixed", "curve.floor", "1s", "jitter.kind", "full", "jitter.percent", "5")
                .hasMessage("jitter.percent goes with jitter kind percent, not full");
        refused("errors.rateLimited.cap", "curve.kind", "fixed", "curve.floor", "1s", "errors.mode", "idle",
                "errors.rateLimited.cap", "1m").hasMessageStartingWith("errors.mode idle counts an error as an idle tick");
        refused("errors.other.cap", "curve.kind", "fixed", "curve.floor", "1s", "errors.other.min", "2m")
                .hasMessage("cap (1m) is below min (2m)");
        refused("wakeRearm", "curve.kind", "fixed", "curve.floor", "1s", "wakeRearm", "replace")
                .hasMessage("wakeRearm says what a wake does, but wakeOn names no wake source");
        refused("reset", "curve.kind", "fixed", "curve.floor", "1s", "reset", "work,wake")
                .hasMessageStartingWith("reset on wake needs a wake source");
        refused("batch.spawnJitter.max", "curve.kind", "fixed", "curve.floor", "1s", "batch.spawnJitter.min", "50ms")
                .hasMessage("max (0s) is below min (50ms)");
    }

    @Test
    void unknownPartsAndFieldsShouldListWhatIsKnown() {
        refused("curve.knd", "curve.knd", "fixed").hasMessage("unknown field 'knd' of curve; expected one of kind, floor,"
                + " cap, factor, step, maxStreak");
        refused("curv.kind", "curv.kind", "fixed").hasMessage("unknown parameter 'curv.kind'; expected one of curve,"
                + " reset, saturation, errors, jitter, suspendAfter, wakeOn, wakeRearm, deadlineClamp, batch");
        refused("curve.kind", "curve.kind", "cubic").hasMessage("expected one of fixed, linear, geometric, exponential,"
                + " idle-streak, got 'cubic'");
        refused("wakeOn", "curve.kind", "fixed", "curve.floor", "1s", "wakeOn", "localEnqueue,signal")
                .hasMessage("expected some of localEnqueue, retryDeadline, freedSlot (or none), got 'signal'");
        refused("errors", "errors", "none").hasMessage("'errors' takes a map of mode, rateLimited, other");
    }

    @Test
    void aCompleteDefinitionShouldBuild() {
        PolicyDefinition d = BuiltinPolicies.catalogue().find("composed").orElseThrow();
        var factory = (ComposedFactory) d.factory(d.resolve(Map.of("curve.kind", "geometric", "curve.factor", "1.5",
                "curve.floor", "10s", "curve.cap", "2m", "wakeOn", "localEnqueue,retryDeadline", "suspendAfter", "5m",
                "jitter.kind", "equal", "deadlineClamp.floor", "1s", "batch.size", "4")));
        Composition c = factory.composition();
        assertThat(c.curve()).isEqualTo(new Curve(CurveKind.GEOMETRIC, 10_000_000L, 120_000_000L,
                dev.pollsim.policy.param.Ratio.parse("1.5"), 0, 0));
        assertThat(c.wakes()).isEqualTo(new Wakes(true, true, false, false));
        assertThat(c.resets()).isEqualTo(new Resets(true, true, true));
        assertThat(c.rateLimited()).isEqualTo(new ErrorBackoff(30_000_000L, new dev.pollsim.policy.param.Ratio(2, 1),
                60_000_000L));
        assertThat(c.deadlineClampFloorUs()).isEqualTo(1_000_000L);
        assertThat(c.batch().size()).isEqualTo(4);
        assertThat(c.jitter().kind()).isEqualTo(JitterKind.EQUAL);
    }

    @Test
    void aSuspendWindowOnlyAFreedSlotEndsShouldBeAllowedWithAWarning() {
        PolicyDefinition d = BuiltinPolicies.catalogue().find("composed").orElseThrow();
        Map<String, String> given = new LinkedHashMap<>(Map.of("curve.kind", "fixed", "curve.floor", "10s",
                "suspendAfter", "5m", "wakeOn", "freedSlot"));
        assertThat(d.factory(d.resolve(given)).warnings()).containsExactly("suspendAfter 5m with wakeOn [freedSlot]"
                + " alone: a loop that suspends while none of its daemon's jobs runs never polls again (add"
                + " localEnqueue or retryDeadline to wakeOn)");
        given.put("wakeOn", "freedSlot,localEnqueue");
        assertThat(d.factory(d.resolve(given)).warnings()).isEmpty();
        given.put("wakeOn", "freedSlot");
        given.put("suspendAfter", "0s");
        assertThat(d.factory(d.resolve(given)).warnings()).isEmpty();
    }
}
