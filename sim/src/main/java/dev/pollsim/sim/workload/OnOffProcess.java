package dev.pollsim.sim.workload;

import dev.pollsim.policy.param.Durations;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A two-state Markov-modulated Poisson process (on/off bursts): on periods of exponential length
 * with one rate, off periods with another. The process starts in its stationary state. Gaps are
 * memoryless, so a candidate that falls past the end of its period is dropped and sampling
 * restarts at the switch.
 */
public final class OnOffProcess implements ArrivalProcess {

    private final ExponentialDistribution onGapUs;
    private final ExponentialDistribution offGapUs;
    private final ExponentialDistribution onLengthUs;
    private final ExponentialDistribution offLengthUs;
    private boolean on;
    private long periodEnd;
    private long t;

    /**
     * @param onRatePerHour arrival rate while on
     * @param offRatePerHour arrival rate while off
     * @param meanOnUs mean on period, microseconds
     * @param meanOffUs mean off period, microseconds
     * @param gaps the seeded stream of arrival gaps
     * @param modulation the seeded stream of on/off periods
     */
    public OnOffProcess(double onRatePerHour, double offRatePerHour, long meanOnUs, long meanOffUs,
            RandomGenerator gaps, RandomGenerator modulation) {
        if (!(onRatePerHour >= 0) || !(offRatePerHour >= 0) || meanOnUs <= 0 || meanOffUs <= 0) {
            throw new IllegalArgumentException("on/off rates must be >= 0 and periods > 0");
        }
        this.onGapUs = gap(onRatePerHour, gaps);
        this.offGapUs = gap(offRatePerHour, gaps);
        this.onLengthUs = new ExponentialDistribution(modulation, meanOnUs);
        this.offLengthUs = new ExponentialDistribution(modulation, meanOffUs);
        this.on = modulation.nextDouble() * (meanOnUs + meanOffUs) < meanOnUs;
        this.periodEnd = periodLength();
    }

    @Override
    public long nextTimeUs() {
        if (onGapUs == null && offGapUs == null) {
            return ArrivalSource.NONE;
        }
        while (true) {
            ExponentialDistribution gap = on ? onGapUs : offGapUs;
            if (gap != null) {
                long candidate = t + Math.round(gap.sample());
                if (candidate < periodEnd) {
                    t = candidate;
                    return t;
                }
            }
            t = periodEnd;
            on = !on;
            periodEnd = t + periodLength();
        }
    }

    private static ExponentialDistribution gap(double ratePerHour, RandomGenerator gaps) {
        return ratePerHour == 0 ? null : new ExponentialDistribution(gaps, Durations.MICROS_PER_HOUR / ratePerHour);
    }

    private long periodLength() {
        return Math.max(1L, Math.round((on ? onLengthUs : offLengthUs).sample()));
    }
}
