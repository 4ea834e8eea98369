package dev.pollsim.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {

    private static long[] draw(SplittableRandom r, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = r.nextLong();
        }
        return out;
    }

    @Test
    void shouldGiveTheSameStreamForTheSameSeedAndName() {
        assertThat(draw(new RandomStreams(42).stream("workload/arrivals"), 10))
                .containsExactly(draw(new RandomStreams(42).stream("workload/arrivals"), 10));
    }

    @Test
    void shouldNotDependOnWhichOtherStreamsWereAskedFor() {
        RandomStreams a = new RandomStreams(7);
        long[] direct = draw(a.stream("fleet/daemon/3/loop/0/phase"), 5);
        RandomStreams b = new RandomStreams(7);
        for (int d = 0; d < 100; d++) {
            b.stream("fleet/daemon/" + d + "/loop/0/jitter").nextLong();
        }
        assertThat(draw(b.stream("fleet/daemon/3/loop/0/phase"), 5)).containsExactly(direct);
    }

    @Test
    void shouldSeparateNamesSeedsAndReplications() {
        RandomStreams s = new RandomStreams(1);
        assertThat(s.seedOf("a")).isNotEqualTo(s.seedOf("b"));
        assertThat(s.seedOf("a")).isNotEqualTo(new RandomStreams(2).seedOf("a"));
        assertThat(s.replication(1).seedOf("a")).isNotEqualTo(s.seedOf("a"));
        assertThat(s.replication(1).seedOf("a")).isNotEqualTo(s.replication(2).seedOf("a"));
        assertThat(s.replication(0).seedOf("a")).isEqualTo(s.seedOf("a"));
    }

    @Test
    void shouldFeedCommonsMathFromTheSameStream() {
        CommonsRandom c = new RandomStreams(3).commonsStream("x");
        SplittableRandom j = new RandomStreams(3).stream("x");
        assertThat(c.nextDouble()).isEqualTo(j.nextDouble());
        assertThat(c.nextLong()).isEqualTo(j.nextLong());
    }
}
