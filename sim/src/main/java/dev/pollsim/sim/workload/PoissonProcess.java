package dev.pollsim.sim.workload;

import dev.pollsim.policy.param.Durations;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A homogeneous Poisson process: exponential gaps of mean {@code 1 / rate}, each rounded to the
 * microsecond and added to a {@code long} clock.
 */
public final class PoissonProcess implements ArrivalProcess {

    private final ExponentialDistribution gapUs;
    private long t;

    /**
     * @param ratePerHour mean arrivals per hour; 0 means none
     * @param random the seeded stream the gaps are drawn from
     */
    public PoissonProcess(double ratePerHour, RandomGenerator random) {
        if (!(ratePerHour >= 0) || Double.isInfinite(ratePerHour)) {
            throw new IllegalArgumentException("rate must be a finite number >= 0, got " + ratePerHour);
        }
        this.gapUs = ratePerHour == 0
                ? null
                : new ExponentialDistribution(random, Durations.MICROS_PER_HOUR / ratePerHour);
    }

    @Override
    public long nextTimeUs() {
        if (gapUs == null) {
            return ArrivalSource.NONE;
        }
        t += Math.round(gapUs.sample());
        return t;
    }
}
