package dev.pollsim.sim.trace;

import static dev.pollsim.sim.trace.Fixtures.replay;
import static dev.pollsim.sim.trace.Fixtures.times;
import static dev.pollsim.sim.trace.Fixtures.trace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pollsim.sim.trace.Fixtures.Job;
import dev.pollsim.sim.workload.Origin;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceReadingTest {

    private static TraceLayout layout(TraceFormat f, String ts, TimestampFormat tf, String service, ServiceUnit unit,
            String queue, List<String> queues, String origin) {
        return new TraceLayout(f, ts, tf, service, unit, null, null, queue, queues, origin);
    }

    @Test
    void csvShouldReadQuotedNamesCrlfEqualTimesAndSkipBlankLines() {
        TraceFile t = trace("events.csv", layout(TraceFormat.CSV, "when", null, "service, s", null, "queue", null,
                "origin"), TraceReplay.AS_IS);
        assertThat(replay(t)).containsExactly(
                new Job(0, 32_000_000, Origin.REMOTE),
                new Job(0, 1_500_000, Origin.LOCAL),
                new Job(1_680_590, 1, Origin.REMOTE),
                new Job(130_000_000, 2_000_000, Origin.LOCAL));
    }

    @Test
    void tsvShouldReadDeclaredEpochMillisAndAServiceUnit() {
        TraceFile t = trace("events.tsv", layout(TraceFormat.TSV, "when", TimestampFormat.EPOCH_MS, "service_ms",
                ServiceUnit.MS, null, null, null), TraceReplay.AS_IS);
        assertThat(replay(t)).containsExactly(
                new Job(0, 500_000, Origin.REMOTE),
                new Job(250_500, 1_000_000, Origin.REMOTE),
                new Job(1_000_000, 0, Origin.REMOTE));
    }

    @Test
    void jsonLinesShouldReadFieldsByNameInAnyOrderWithNumbersOrStrings() {
        TraceFile t = trace("events.jsonl", layout(TraceFormat.JSONL, "ts", null, "svc", null, null, null, null),
                TraceReplay.AS_IS);
        assertThat(replay(t)).containsExactly(
                new Job(0, 3_000_000, Origin.REMOTE),
                new Job(500_000, 4_250_000, Origin.REMOTE),
                new Job(1_000_000, 1_000_000, Origin.REMOTE));
    }

    @Test
    void aTraceWithoutAServiceColumnShouldTakeTheFallback() {
        TraceFile t = trace("equal.csv", layout(TraceFormat.CSV, "t", TimestampFormat.EPOCH_S, null, null, null, null,
                null), TraceReplay.AS_IS);
        assertThat(replay(t)).extracting(Job::serviceUs).containsOnly(Fixtures.FALLBACK_US);
    }

    @Test
    void rowsWithEqualTimestampsShouldAllBeKept() {
        TraceFile t = trace("equal.csv", layout(TraceFormat.CSV, "t", TimestampFormat.EPOCH_S, null, null, null, null,
                null), TraceReplay.AS_IS);
        assertThat(times(replay(t))).containsExactly(0L, 0L, 0L, 1_000_000L);
        TraceStats s = Traces.stats(t, new dev.pollsim.sim.engine.RandomStreams(1));
        assertThat(s.equalTimestamps()).isEqualTo(2);
        assertThat(s.sharedInstants()).isEqualTo(1);
        assertThat(s.largestGroup()).isEqualTo(3);
    }

    @Test
    void perMinuteCountsShouldBeSpreadInsideTheirMinuteWithASeededStream() {
        TraceFile t = trace("per-minute.csv", new TraceLayout(TraceFormat.PER_MINUTE, "Timestamp [ms]",
                TimestampFormat.EPOCH_MS, " Avg Exec time per Invocation", ServiceUnit.MS, "Invocations",
                MinuteEdge.END, null, null, null), TraceReplay.AS_IS);
        List<Job> a = replay(t, 5, Long.MAX_VALUE);
        assertThat(a).hasSize(5);
        assertThat(a.subList(0, 2)).allSatisfy(j -> {
            assertThat(j.timeUs()).isBetween(0L, 59_999_999L);
            assertThat(j.serviceUs()).isEqualTo(1_500_000);
        });
        assertThat(a.subList(2, 5)).allSatisfy(j -> {
            assertThat(j.timeUs()).isBetween(120_000_000L, 179_999_999L);
            assertThat(j.serviceUs()).isEqualTo(250_000);
        });
        assertThat(times(a)).isSorted();
        assertThat(replay(t, 5, Long.MAX_VALUE)).isEqualTo(a);
        assertThat(replay(t, 6, Long.MAX_VALUE)).isNotEqualTo(a);
    }

    @Test
    void anUnsortedTraceShouldNameItsFirstLineOutOfOrder() {
        TraceFile t = trace("unsorted.csv", TraceLayout.of(TraceFormat.CSV), TraceReplay.AS_IS);
        assertThatThrownBy(() -> replay(t))
                .isInstanceOf(TraceException.class)
                .hasMessage("unsorted.csv:4: column 'timestamp': 2024-01-01T00:00:01.000000Z is earlier than line 3's"
                        + " 2024-01-01T00:00:02.000000Z; sort the trace by time, or replay it with sort (--sort)");
    }

    @Test
    void sortShouldFixAnUnsortedTraceKeepingEqualTimesInFileOrder() {
        TraceFile t = trace("unsorted.csv", TraceLayout.of(TraceFormat.CSV),
                new TraceReplay(0, null, false, 0, 1, true));
        assertThat(times(replay(t))).containsExactly(0L, 0L, 1_000_000L, 2_000_000L, 3_000_000L);
    }

    @Test
    void aMalformedRowShouldNameFileLineColumnAndValue() {
        TraceFile t = trace("malformed.csv", TraceLayout.of(TraceFormat.CSV), TraceReplay.AS_IS);
        assertThatThrownBy(() -> replay(t))
                .isInstanceOf(TraceException.class)
                .hasMessage("malformed.csv:4: column 'timestamp': expected a time such as 2024-11-15 16:57:50 or"
                        + " 2024-11-15 16:57:50.6805900, got '2024-01-01 25:00:01'");
        TraceFile badService = trace("events.csv", layout(TraceFormat.CSV, "when", null, "queue", null, null, null,
                null), TraceReplay.AS_IS);
        assertThatThrownBy(() -> replay(badService))
                .hasMessageStartingWith("events.csv:2: column 'queue': expected a service time in s")
                .hasMessageEndingWith("got 'alpha'");
    }

    @Test
    void anEmptyFileOrAMissingColumnShouldBeAClearError() {
        assertThatThrownBy(() -> replay(trace("empty.csv", TraceLayout.of(TraceFormat.CSV), TraceReplay.AS_IS)))
                .hasMessageStartingWith("empty.csv: the file is empty; expected a header line");
        assertThatThrownBy(() -> replay(trace("header-only.csv", TraceLayout.of(TraceFormat.CSV), TraceReplay.AS_IS)))
                .hasMessage("header-only.csv: the trace has no rows under its header");
        assertThatThrownBy(() -> replay(trace("events.csv", TraceLayout.of(TraceFormat.CSV), TraceReplay.AS_IS)))
                .hasMessage("events.csv:1: no timestamp column 'timestamp'; the header has 'id', 'when', 'queue',"
                        + " 'service, s', 'origin'");
        assertThatThrownBy(() -> replay(trace("equal.csv", TraceLayout.of(TraceFormat.JSONL), TraceReplay.AS_IS)))
                .hasMessageStartingWith("equal.csv:1: malformed JSON");
    }

    @Test
    void columnNamesShouldMatchIgnoringCaseAndSurroundingSpaces() {
        TraceFile t = trace("per-minute.csv", new TraceLayout(TraceFormat.PER_MINUTE, "timestamp [MS]",
                TimestampFormat.EPOCH_MS, "avg exec time per invocation", ServiceUnit.MS, "invocations",
                MinuteEdge.START, null, null, null), TraceReplay.AS_IS);
        assertThat(replay(t)).hasSize(5).allSatisfy(j -> assertThat(j.timeUs()).isGreaterThanOrEqualTo(0));
    }
}
