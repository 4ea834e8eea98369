package dev.pollsim.policy.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pollsim.policy.TickError;
import dev.pollsim.policy.TickOutcome;
import dev.pollsim.policy.param.Ratio;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * gastown's state packed into a word: an agent loop whose interval and rule go in and out of one
 * shared instance between pokes answers as its own object does.
 */
class GastownPackedStateTest {

    private static final long S = 1_000_000L;

    @Provide
    Arbitrary<List<Boolean>> pokes() {
        return Arbitraries.of(true, false, false, false).list().ofMinSize(1).ofMaxSize(200);
    }

    @Property(tries = 200)
    void aPackedLoopShouldAnswerAsItsOwnObject(
            @ForAll("pokes") List<Boolean> active,
            @ForAll GastownPolicy.Strategy strategy,
            @ForAll @LongRange(min = 1, max = 600) long baseSeconds,
            @ForAll @LongRange(min = 0, max = 360_000) long maxExtraSeconds,
            @ForAll @LongRange(min = 1, max = 600) long heartbeatSeconds) {
        GastownPolicy.Settings settings = new GastownPolicy.Settings(strategy, baseSeconds * S,
                (baseSeconds + maxExtraSeconds) * S, Ratio.parse("1.5"), heartbeatSeconds * S);
        GastownPolicy own = new GastownPolicy(settings);
        GastownPolicy cursor = own.fresh();
        assertThat(cursor.packable()).isTrue();
        assertThat(cursor.packsLike(own)).isTrue();
        long word = cursor.state();
        long otherWord = cursor.state();
        TickOutcome outcome = new TickOutcome();
        long now = 0;
        for (boolean work : active) {
            now += heartbeatSeconds * S;
            // another agent's state in the cursor between this one's pokes: it missed
            cursor.load(otherWord);
            cursor.onTick(now, outcome.set(0, 0, false, TickError.NONE, TickOutcome.NO_DEADLINE));
            otherWord = cursor.state();

            cursor.load(word);
            assertThat(cursor.rule()).isEqualTo(own.rule());
            int dispatched = work ? 1 : 0;
            assertThat(cursor.onTick(now, outcome.set(dispatched, 0, false, TickError.NONE, TickOutcome.NO_DEADLINE)))
                    .isEqualTo(own.onTick(now, outcome.set(dispatched, 0, false, TickError.NONE, TickOutcome.NO_DEADLINE)));
            word = cursor.state();
            assertThat(cursor.currentIntervalUs()).isEqualTo(own.currentIntervalUs());
            assertThat(cursor.rule()).isEqualTo(own.rule());
            assertThat(cursor.steadyIdlePeriodUs()).isEqualTo(own.steadyIdlePeriodUs());
        }
    }

    @Test
    void anIntervalOfHoursShouldSurviveTheWord() {
        GastownPolicy own = new GastownPolicy(new GastownPolicy.Settings(GastownPolicy.Strategy.EXPONENTIAL,
                300 * S, 100 * 3_600 * S, Ratio.parse("1.5"), 300 * S));
        GastownPolicy cursor = own.fresh();
        TickOutcome miss = new TickOutcome().set(0, 0, false, TickError.NONE, TickOutcome.NO_DEADLINE);
        long word = cursor.state();
        for (int i = 0; i < 10; i++) {
            cursor.load(word);
            cursor.onTick(0, miss);
            word = cursor.state();
        }
        cursor.load(word);
        // 5 min x 2^10, 85 h: past 2^32 us, below the 100 h maximum
        assertThat(cursor.currentIntervalUs()).isEqualTo(300 * S << 10);
    }

    @Test
    void aMaximumBeyondTheWordShouldKeepAnObjectPerLoop() {
        GastownPolicy.Settings huge = new GastownPolicy.Settings(GastownPolicy.Strategy.EXPONENTIAL, S, 1L << 61,
                Ratio.parse("1.5"), S);
        assertThat(new GastownPolicy(huge).packable()).isFalse();
    }
}
