package dev.pollsim.policy.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pollsim.policy.TickError;
import dev.pollsim.policy.TickOutcome;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * idle-streak's state packed into a word: a loop whose streak and rule go in and out of one
 * shared instance between ticks answers as its own object does.
 */
class IdleStreakPackedStateTest {

    private static final long S = 1_000_000L;

    @Provide
    Arbitrary<List<Integer>> ticks() {
        return Arbitraries.integers().between(0, 5).list().ofMinSize(1).ofMaxSize(200);
    }

    @Property(tries = 200)
    void aPackedLoopShouldAnswerAsItsOwnObject(
            @ForAll("ticks") List<Integer> ticks,
            @ForAll @IntRange(min = 1, max = 70) int maxBackoffMultiplier,
            @ForAll boolean clampBug) {
        IdleStreakPolicy.Settings settings = new IdleStreakPolicy.Settings(5 * S, maxBackoffMultiplier, 25_000,
                S, clampBug);
        IdleStreakPolicy own = new IdleStreakPolicy(settings);
        IdleStreakPolicy cursor = own.fresh();
        assertThat(cursor.packable()).isTrue();
        assertThat(cursor.packsLike(own)).isTrue();
        assertThat(cursor.packsLike(new IdleStreakPolicy(5 * S, maxBackoffMultiplier + 1, 25_000, S, clampBug)))
                .isFalse();
        long word = cursor.state();
        long otherWord = cursor.state();
        TickOutcome outcome = new TickOutcome();
        long now = 0;
        for (int kind : ticks) {
            now += S;
            // another loop's state in the cursor between this loop's ticks: it did work
            cursor.load(otherWord);
            cursor.onTick(now, outcome.set(1, 0, false, TickError.NONE, TickOutcome.NO_DEADLINE));
            otherWord = cursor.state();

            cursor.load(word);
            assertThat(cursor.rule()).isEqualTo(own.rule());
            assertThat(cursor.onTick(now, tick(outcome, kind))).isEqualTo(own.onTick(now, tick(outcome, kind)));
            word = cursor.state();
            assertThat(cursor.streak()).isEqualTo(own.streak());
            assertThat(cursor.rule()).isEqualTo(own.rule());
            assertThat(cursor.steadyIdlePeriodUs()).isEqualTo(own.steadyIdlePeriodUs());
            assertThat(cursor.reportedDueUs(now, 0)).isEqualTo(own.reportedDueUs(now, 0));
        }
    }

    /** Idle (three kinds in six), work, a changed pool, saturated. */
    private static TickOutcome tick(TickOutcome o, int kind) {
        return switch (kind) {
            case 3 -> o.set(1, 0, false, TickError.NONE, TickOutcome.NO_DEADLINE);
            case 4 -> o.set(0, 1, false, TickError.NONE, TickOutcome.NO_DEADLINE);
            case 5 -> o.set(0, 0, true, TickError.NONE, TickOutcome.NO_DEADLINE);
            default -> o.set(0, 0, false, TickError.NONE, TickOutcome.NO_DEADLINE);
        };
    }
}
