package dev.pollsim.policy.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pollsim.policy.LoopState;
import dev.pollsim.policy.TickError;
import dev.pollsim.policy.TickOutcome;
import dev.pollsim.policy.WakeKind;
import dev.pollsim.policy.param.Ratio;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * exp-idle's state packed into a word: a loop whose state goes in and out of one shared instance
 * between calls answers as its own object does, and its error backoff follows the seed's
 * formulas, which the packed form replaces by precomputed steps.
 */
class ExpIdlePackedStateTest {

    private static final long S = 1_000_000L;

    @Provide
    Arbitrary<List<Integer>> calls() {
        return Arbitraries.integers().between(0, 11).list().ofMinSize(1).ofMaxSize(300);
    }

    @Property(tries = 300)
    void aPackedLoopShouldAnswerAsItsOwnObject(
            @ForAll("calls") List<Integer> calls,
            @ForAll @LongRange(min = 1, max = 60) long baseSeconds,
            @ForAll @IntRange(min = 0, max = 3) int multiplierKind,
            @ForAll @LongRange(min = 0, max = 600) long capExtraSeconds,
            @ForAll @LongRange(min = 0, max = 100) long rateLimitFloorSeconds,
            @ForAll @LongRange(min = 1, max = 300) long errorCapSeconds) {
        Ratio multiplier = Ratio.parse(List.of("1", "1.5", "2", "1.000001").get(multiplierKind));
        ExpIdlePolicy.Settings settings = new ExpIdlePolicy.Settings(baseSeconds * S, multiplier,
                (baseSeconds + capExtraSeconds) * S, S, rateLimitFloorSeconds * S, errorCapSeconds * S);
        ExpIdlePolicy own = new ExpIdlePolicy(settings);
        ExpIdlePolicy cursor = own.fresh();
        ExpIdlePolicy other = own.fresh();
        assertThat(cursor.packable()).isTrue();
        assertThat(cursor.packsLike(own)).isTrue();
        long word = cursor.state();
        long otherWord = other.state();
        long errorBackoff = settings.baseUs();
        TickOutcome outcome = new TickOutcome();
        long now = 0;
        for (int call : calls) {
            now += S;
            // another loop's state in the cursor between this loop's calls
            cursor.load(otherWord);
            cursor.onTick(now, outcome.set(0, 0, false, TickError.SERVER_ERROR, TickOutcome.NO_DEADLINE));
            otherWord = cursor.state();

            cursor.load(word);
            assertThat(cursor.rule()).as("the rule of the loop's last decision").isEqualTo(own.rule());
            long expected = call(own, call, now, outcome);
            assertThat(call(cursor, call, now, outcome)).as("call %d", call).isEqualTo(expected);
            word = cursor.state();
            errorBackoff = seedErrorBackoff(settings, errorBackoff, call);
            assertThat(cursor.rule()).isEqualTo(own.rule());
            assertThat(cursor.idleBackoffUs()).isEqualTo(own.idleBackoffUs());
            assertThat(cursor.errorBackoffUs()).isEqualTo(own.errorBackoffUs()).isEqualTo(errorBackoff);
            assertThat(cursor.steadyIdlePeriodUs()).isEqualTo(own.steadyIdlePeriodUs());
        }
    }

    /** One call of twelve kinds: ticks of every outcome, freed slots, wakes. */
    private static long call(ExpIdlePolicy p, int kind, long now, TickOutcome o) {
        return switch (kind) {
            case 0, 1, 2 -> p.onTick(now, o.set(0, 0, false, TickError.NONE, TickOutcome.NO_DEADLINE));
            case 3 -> p.onTick(now, o.set(1, 0, false, TickError.NONE, TickOutcome.NO_DEADLINE));
            case 4 -> p.onTick(now, o.set(0, 1, false, TickError.NONE, TickOutcome.NO_DEADLINE));
            case 5 -> p.onTick(now, o.set(0, 0, true, TickError.NONE, TickOutcome.NO_DEADLINE));
            case 6 -> p.onTick(now, o.set(0, 0, false, TickError.RATE_LIMITED, TickOutcome.NO_DEADLINE));
            case 7 -> p.onTick(now, o.set(0, 0, false, TickError.SERVER_ERROR, TickOutcome.NO_DEADLINE));
            case 8 -> p.onTick(now, o.set(0, 0, false, TickError.NONE, now + 3 * S));
            case 9 -> p.onSlotFreed(now, now % 2 == 0 ? LoopState.IN_FLIGHT : LoopState.WAITING);
            case 10 -> p.onWake(now, WakeKind.DEADLINE, LoopState.WAITING);
            default -> p.onWake(now, WakeKind.LOCAL_ENQUEUE, LoopState.WAITING);
        };
    }

    /** The seed's error backoff after a call of {@link #call}'s kind, from the one before it. */
    private static long seedErrorBackoff(ExpIdlePolicy.Settings s, long e, int kind) {
        long doubled = Math.min(e, Long.MAX_VALUE / 2) * 2;
        return switch (kind) {
            case 6 -> Math.min(Math.max(doubled, s.rateLimitFloorUs()), s.errorCapUs());
            case 7 -> Math.min(doubled, s.errorCapUs());
            case 5, 9, 10, 11 -> e;
            default -> s.baseUs();
        };
    }

    @Test
    void aCapBeyondTheWordShouldKeepAnObjectPerLoop() {
        ExpIdlePolicy huge = new ExpIdlePolicy(new ExpIdlePolicy.Settings(S, Ratio.parse("2"), 1L << 53, S, 30 * S,
                60 * S));
        assertThat(huge.packable()).isFalse();
        assertThat(ExpIdlePolicy.seedDefaults().packable()).isTrue();
    }

    @Test
    void policiesOfOtherSettingsShouldNotPackAlike() {
        ExpIdlePolicy seed = ExpIdlePolicy.seedDefaults();
        ExpIdlePolicy slower = new ExpIdlePolicy(new ExpIdlePolicy.Settings(20 * S, Ratio.parse("1.5"), 120 * S, S,
                30 * S, 60 * S));
        assertThat(seed.packsLike(ExpIdlePolicy.seedDefaults())).isTrue();
        assertThat(seed.packsLike(slower)).isFalse();
    }
}
