package dev.pollsim.sim.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pollsim.policy.param.Durations;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunMetricsTest {

    private static final long HOUR = Durations.MICROS_PER_HOUR;

    @Test
    void shouldCountADaemonsRequestsPastTheRangeOfAnInt() {
        RunMetrics m = new RunMetrics(3, HOUR);
        m.requests(RequestKind.EMPTY_POLL, 1, Integer.MAX_VALUE, 0);
        m.requests(RequestKind.EMPTY_POLL, 2, 5, 0);
        m.requests(RequestKind.EMPTY_POLL, 1, Integer.MAX_VALUE, 0);
        m.idleTicks(1, 0, 0, 1_000_000, 3, 2);

        assertThat(m.finish("x", "fixed", Map.of(), 0).requestsPerDaemon())
                .containsExactly(0L, 2L * Integer.MAX_VALUE + 6, 5L);
    }

    @Test
    void shouldAddPartsWhoseCountsOutgrewAnInt() {
        RunMetrics whole = new RunMetrics(4, HOUR).daemons(0, 2);
        whole.requests(RequestKind.WORK_POLL, 1, 7, 0);
        RunMetrics part = new RunMetrics(4, HOUR).daemons(2, 4);
        part.requests(RequestKind.WORK_POLL, 3, Integer.MAX_VALUE, 0);
        part.requests(RequestKind.WORK_POLL, 3, 1, 0);
        RunMetrics small = new RunMetrics(4, HOUR).daemons(1, 3);
        small.requests(RequestKind.WORK_POLL, 1, 1, 0);

        whole.add(part);
        whole.add(small);

        List<Long> daemons = whole.finish("x", "fixed", Map.of(), 0).requestsPerDaemon();
        assertThat(daemons).containsExactly(0L, 8L, 0L, Integer.MAX_VALUE + 1L);
    }

    @Test
    void idlePollsCountedApartShouldCountAsEachEmptyPollDoes() {
        long day = 24 * HOUR;
        RunMetrics each = new RunMetrics(5, day);
        RunMetrics apart = new RunMetrics(5, day);
        long[] perDaemon = new long[3];
        long[] perHour = new long[24];
        for (int k = 0; k < 500; k++) {
            int daemon = 1 + k % 3;
            long at = k * 17 * HOUR / 400;
            each.emptyPoll(daemon, 2, at);
            perDaemon[daemon - 1]++;
            perHour[(int) (at / HOUR)]++;
        }
        each.suspended();
        each.suspended();
        apart.idlePolls(1, perDaemon, perHour, 2);
        apart.suspended(2);

        assertThat(apart.finish("x", "fixed", Map.of(), 0)).isEqualTo(each.finish("x", "fixed", Map.of(), 0));
        assertThat(apart.finish("x", "fixed", Map.of(), 0).requestsPerDaemon()).containsExactly(0L, 334L, 334L, 332L, 0L);
    }
}
