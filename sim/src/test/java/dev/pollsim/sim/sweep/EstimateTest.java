package dev.pollsim.sim.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

class EstimateTest {

    @Test
    void shouldGiveTheStudentTHalfWidthWorkedOutByHand() {
        // 1..5: mean 3, s = sqrt(10 / 4) = 1.5811, t(0.975, 4) = 2.7764, 2.7764 x 1.5811 / sqrt(5) = 1.9632
        Estimate e = Estimate.of(1, 2, 3, 4, 5);
        assertThat(e.mean()).isEqualTo(3.0);
        assertThat(e.n()).isEqualTo(5);
        assertThat(Estimate.tQuantile(4)).isCloseTo(2.7764, offset(1e-4));
        assertThat(e.halfWidth()).isCloseTo(1.9632, offset(1e-4));
        assertThat(e.relativeHalfWidth()).isCloseTo(1.9632 / 3, offset(1e-4));
    }

    @Test
    void oneValueShouldHaveNoInterval() {
        Estimate e = Estimate.of(42);
        assertThat(e.mean()).isEqualTo(42.0);
        assertThat(e.hasInterval()).isFalse();
        assertThat(e.halfWidth()).isNaN();
        assertThat(e.relativeHalfWidth()).isNaN();
    }

    @Test
    void shouldLeaveOutValuesThatDoNotExist() {
        assertThat(Estimate.of(Double.NaN, 2, 4)).isEqualTo(new Estimate(3, Estimate.tQuantile(1) * Math.sqrt(2) / Math.sqrt(2), 2));
        assertThat(Estimate.of(Double.NaN)).isEqualTo(Estimate.NONE);
    }

    @Test
    void equalValuesShouldMeetAnyTargetEvenAtZero() {
        assertThat(Estimate.of(0, 0, 0).relativeHalfWidth()).isZero();
        assertThat(Estimate.of(-1, 1).relativeHalfWidth()).isInfinite();
    }

    @Test
    void replicationZeroShouldKeepTheScenarioSeedAndTheOthersBeIndependent() {
        assertThat(Replications.seedOf(42, 0)).isEqualTo(42);
        List<Long> seeds = List.of(Replications.seedOf(42, 1), Replications.seedOf(42, 2), Replications.seedOf(43, 1));
        assertThat(seeds).doesNotHaveDuplicates().doesNotContain(42L, 43L);
        assertThat(Replications.seedOf(42, 1)).isEqualTo(Replications.seedOf(42, 1));
    }

    @Test
    void theNextRoundShouldAimAtTheTargetButAtMostDoubleAndStopAtTheCap() {
        Replications seq = new Replications(4, 0.05, 20, Replications.DEFAULT_TARGET_METRICS);
        assertThat(seq.next(4, 0.05)).isEqualTo(4); // met
        assertThat(seq.next(4, 0.06)).isEqualTo(6); // ceil(4 x 1.44) = 6
        assertThat(seq.next(4, 0.5)).isEqualTo(8); // 400 wanted, at most double
        assertThat(seq.next(4, 0.0501)).isEqualTo(5); // at least one more
        assertThat(seq.next(16, 0.5)).isEqualTo(20); // the cap
        assertThat(seq.next(20, 0.5)).isEqualTo(20);
        assertThat(seq.next(4, Double.NaN)).isEqualTo(4); // nothing to estimate
        assertThat(Replications.fixed(3).next(3, 0.9)).isEqualTo(3);
    }
}
