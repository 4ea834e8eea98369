package dev.pollsim.sim.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pollsim.policy.param.Durations;
import dev.pollsim.sim.engine.RandomStreams;
import org.junit.jupiter.api.Test;

class ArrivalProcessTest {

    private static final long HOUR = Durations.MICROS_PER_HOUR;
    private final RandomStreams streams = new RandomStreams(2024);

    private static long[] countPerHour(ArrivalProcess p, int hours) {
        long[] counts = new long[hours];
        long t;
        while ((t = p.nextTimeUs()) < (long) hours * HOUR) {
            counts[(int) (t / HOUR)]++;
        }
        return counts;
    }

    @Test
    void poissonShouldArriveAtItsRate() {
        // 1000 hours at 60/h: 60,000 expected, standard deviation ~245
        long total = java.util.Arrays.stream(countPerHour(
                new PoissonProcess(60, streams.commonsStream("a")), 1000)).sum();
        assertThat((double) total).isCloseTo(60_000, within(4 * Math.sqrt(60_000)));
    }

    @Test
    void poissonAtRateZeroShouldNeverArrive() {
        assertThat(new PoissonProcess(0, streams.commonsStream("a")).nextTimeUs()).isEqualTo(ArrivalSource.NONE);
    }

    @Test
    void arrivalTimesShouldNeverGoBackwards() {
        PoissonProcess p = new PoissonProcess(100_000, streams.commonsStream("a"));
        long last = 0;
        for (int i = 0; i < 100_000; i++) {
            long t = p.nextTimeUs();
            assertThat(t).isGreaterThanOrEqualTo(last);
            last = t;
        }
    }

    @Test
    void diurnalShouldFollowItsHourlyProfile() {
        double[] profile = new double[24];
        profile[9] = 100;
        profile[14] = 25;
        DiurnalProcess p = new DiurnalProcess(profile, streams.commonsStream("c"), streams.commonsStream("t"));
        long[] counts = countPerHour(p, 24 * 200);
        long nine = 0;
        long fourteen = 0;
        long other = 0;
        for (int h = 0; h < counts.length; h++) {
            if (h % 24 == 9) {
                nine += counts[h];
            } else if (h % 24 == 14) {
                fourteen += counts[h];
            } else {
                other += counts[h];
            }
        }
        assertThat(other).isZero();
        assertThat((double) nine).isCloseTo(20_000, within(4 * Math.sqrt(20_000)));
        assertThat((double) fourteen).isCloseTo(5_000, within(4 * Math.sqrt(5_000)));
    }

    @Test
    void onOffShouldAverageTheOnRateOverItsDutyCycle() {
        // on 1 h at 120/h, off 3 h silent: 30/h on average over many cycles
        OnOffProcess p = new OnOffProcess(120, 0, HOUR, 3 * HOUR, streams.commonsStream("g"), streams.commonsStream("m"));
        long total = java.util.Arrays.stream(countPerHour(p, 20_000)).sum();
        assertThat(total / 20_000.0).isCloseTo(30, within(3.0));
    }

    @Test
    void onOffShouldBeBurstierThanPoissonAtTheSameMeanRate() {
        OnOffProcess bursty = new OnOffProcess(120, 0, HOUR, 3 * HOUR, streams.commonsStream("g"), streams.commonsStream("m"));
        long[] counts = countPerHour(bursty, 5_000);
        long silent = java.util.Arrays.stream(counts).filter(c -> c == 0).count();
        // a Poisson stream at 30/h leaves an hour empty with probability e^-30, practically never
        assertThat(silent).isGreaterThan(2_000);
    }

    @Test
    void burstShouldDeliverEveryJobAtOneInstant() {
        BurstProcess p = new BurstProcess(3, 5 * HOUR);
        assertThat(p.nextTimeUs()).isEqualTo(5 * HOUR);
        assertThat(p.nextTimeUs()).isEqualTo(5 * HOUR);
        assertThat(p.nextTimeUs()).isEqualTo(5 * HOUR);
        assertThat(p.nextTimeUs()).isEqualTo(ArrivalSource.NONE);
    }
}
