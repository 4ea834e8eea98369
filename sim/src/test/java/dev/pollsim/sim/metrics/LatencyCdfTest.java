package dev.pollsim.sim.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LatencyCdfTest {

    @Test
    void shouldBeEmptyWhenNothingWasRecorded() {
        assertThat(new LatencyRecorder().cdf()).isEqualTo(LatencyCdf.EMPTY);
        assertThat(LatencyCdf.EMPTY.size()).isZero();
    }

    @Test
    void shouldGiveTheExactShareOfValuesAtOrBelowEachBound() {
        // 1 ms, 2 ms, ..., 100 ms: the share at or below b ms is floor(b) / 100.
        LatencyRecorder r = new LatencyRecorder();
        for (int ms = 1; ms <= 100; ms++) {
            r.record(ms * 1_000L);
        }
        LatencyCdf cdf = r.cdf();
        long[] at = cdf.atMostUs();
        double[] f = cdf.fraction();
        assertThat(at[0]).isEqualTo(1_000);
        assertThat(f[0]).isEqualTo(0.01);
        assertThat(at[at.length - 1]).isEqualTo(100_000);
        assertThat(f[f.length - 1]).isEqualTo(1.0);
        for (int i = 0; i < at.length; i++) {
            if (i > 0) {
                assertThat(at[i]).isGreaterThan(at[i - 1]);
                assertThat(f[i]).isGreaterThanOrEqualTo(f[i - 1]);
            }
            // Bounds are bucket tops, at most 0.1% above the value they stand for.
            long below = Math.min(100, at[i] / 1_000);
            assertThat(f[i]).as("point %d at %d us", i, at[i]).isCloseTo(below / 100.0, within(1e-12));
            assertThat(at[i] - below * 1_000).isLessThanOrEqualTo(below);
        }
    }

    @Test
    void shouldStayCompactForAMillionValues() {
        LatencyRecorder r = new LatencyRecorder();
        for (long i = 0; i < 1_000_000; i++) {
            r.record(i * 37);
        }
        LatencyCdf cdf = r.cdf();
        assertThat(cdf.size()).isBetween(100, 20 * 20 + 1);
        assertThat(cdf.atMostUs()[cdf.size() - 1]).isEqualTo(r.summary().maxUs());
    }

    @Test
    void shouldBeCarriedByEveryResult() {
        RunMetrics m = new RunMetrics(1, 3_600_000_000L);
        m.picked(5_000);
        m.picked(7_000);
        PolicyResult p = m.finish("fixed", "fixed", Map.of(), 0);
        // 5,000 us lies in the bucket 5,000..5,003 (4 us wide above 4,096); 7,000 is the exact max.
        assertThat(p.wakeLatencyCdf().atMostUs()).containsExactly(5_003, 7_000);
        assertThat(p.wakeLatencyCdf().fraction()).containsExactly(0.5, 1.0);
    }
}
