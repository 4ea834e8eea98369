package dev.pollsim.sim.trace;

import static dev.pollsim.sim.trace.Fixtures.replay;
import static dev.pollsim.sim.trace.Fixtures.times;
import static dev.pollsim.sim.trace.Fixtures.trace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pollsim.policy.param.Ratio;
import dev.pollsim.sim.trace.Fixtures.Job;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceReplayTest {

    private static final TraceLayout EQUAL = new TraceLayout(TraceFormat.CSV, "t", TimestampFormat.EPOCH_S, null, null,
            null, null, null, null, null);
    private static final TraceLayout EVENTS = new TraceLayout(TraceFormat.CSV, "when", null, null, null, null, null,
            "queue", null, null);

    @Test
    void anOffsetShouldMoveTheTraceStart() {
        TraceFile t = trace("equal.csv", EQUAL, new TraceReplay(5_000_000, null, false, 0, 1, false));
        assertThat(times(replay(t))).containsExactly(5_000_000L, 5_000_000L, 5_000_000L, 6_000_000L);
    }

    @Test
    void aScaleShouldCompressOrStretchTheGapsRoundingDown() {
        TraceFile half = trace("events.csv", EVENTS, new TraceReplay(0, Ratio.parse("0.5"), false, 0, 1, false));
        assertThat(times(replay(half))).containsExactly(0L, 0L, 840_295L, 65_000_000L);
        TraceFile twice = trace("equal.csv", EQUAL, new TraceReplay(0, Ratio.parse("2"), false, 0, 1, false));
        assertThat(times(replay(twice))).containsExactly(0L, 0L, 0L, 2_000_000L);
    }

    @Test
    void repeatShouldReplayAgainEverySpanRoundedUpToAMinute() {
        TraceFile t = trace("equal.csv", EQUAL, new TraceReplay(0, null, true, 0, 1, false));
        assertThat(times(replay(t, 1, 180_000_000L))).containsExactly(0L, 0L, 0L, 1_000_000L,
                60_000_000L, 60_000_000L, 60_000_000L, 61_000_000L,
                120_000_000L, 120_000_000L, 120_000_000L, 121_000_000L);
        TraceFile period = trace("equal.csv", EQUAL, new TraceReplay(0, null, true, 10_000_000, 1, false));
        assertThat(times(replay(period, 1, 20_000_000L))).containsExactly(0L, 0L, 0L, 1_000_000L,
                10_000_000L, 10_000_000L, 10_000_000L, 11_000_000L);
        TraceFile tooShort = trace("equal.csv", EQUAL, new TraceReplay(0, null, true, 999_999, 1, false));
        assertThatThrownBy(() -> replay(tooShort, 1, 20_000_000L))
                .hasMessageContaining("the repeat period 999999us is shorter than the trace");
    }

    @Test
    void aQueueFilterShouldKeepOnlyItsQueuesAndStartTheClockAtTheFirstKeptRow() {
        TraceLayout beta = new TraceLayout(TraceFormat.CSV, "when", null, null, null, null, null, "queue",
                List.of("be\"ta", "beta"), null);
        assertThat(times(replay(trace("events.csv", beta, TraceReplay.AS_IS)))).containsExactly(0L, 130_000_000L);
        TraceLayout alpha = new TraceLayout(TraceFormat.CSV, "when", null, null, null, null, null, "queue",
                List.of("alpha"), null);
        assertThat(times(replay(trace("events.csv", alpha, TraceReplay.AS_IS)))).containsExactly(0L, 1_680_590L);
        TraceLayout none = new TraceLayout(TraceFormat.CSV, "when", null, null, null, null, null, "queue",
                List.of("gamma"), null);
        assertThatThrownBy(() -> replay(trace("events.csv", none, TraceReplay.AS_IS)))
                .hasMessage("events.csv: column 'queue': no row has a queue in [gamma] (4 rows read)");
    }

    @Test
    void samplingShouldKeepTheSameRowsForTheSameSeed() {
        TraceFile t = trace("per-minute.csv", new TraceLayout(TraceFormat.PER_MINUTE, "Timestamp [ms]",
                TimestampFormat.EPOCH_MS, null, null, "Invocations", null, null, null, null),
                new TraceReplay(0, null, true, 0, 0.5, false));
        List<Job> a = replay(t, 3, 100 * 180_000_000L);
        assertThat(a).isEqualTo(replay(t, 3, 100 * 180_000_000L));
        assertThat(a).isNotEqualTo(replay(t, 4, 100 * 180_000_000L));
        assertThat(a.size()).isBetween(150, 350);
        assertThat(times(a)).isSorted();
    }

    @Test
    void daysShouldCoverTheLastArrival() {
        assertThat(trace("equal.csv", EQUAL, TraceReplay.AS_IS).days()).isEqualTo(1);
        TraceFile late = trace("equal.csv", EQUAL, new TraceReplay(86_399_000_000L, null, false, 0, 1, false));
        assertThat(late.days()).isEqualTo(2);
        TraceFile perMinute = trace("per-minute.csv", new TraceLayout(TraceFormat.PER_MINUTE, "Timestamp [ms]",
                TimestampFormat.EPOCH_MS, null, null, "Invocations", MinuteEdge.END, null, null, null),
                new TraceReplay(86_220_000_000L, null, false, 0, 1, false));
        assertThat(perMinute.days()).isEqualTo(1);
    }
}
