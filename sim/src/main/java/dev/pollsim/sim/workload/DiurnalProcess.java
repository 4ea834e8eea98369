package dev.pollsim.sim.workload;

import dev.pollsim.policy.param.Durations;
import java.util.Arrays;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A non-homogeneous Poisson process whose rate follows a repeating profile of one constant rate
 * per hour (24 hours for a day, 168 for a week), sampled by thinning (Lewis and Shedler):
 * candidates arrive at the peak rate and each is kept with probability {@code rate(hour) / peak}.
 */
public final class DiurnalProcess implements ArrivalProcess {

    private final double[] ratePerHour;
    private final double peak;
    private final ExponentialDistribution gapUs;
    private final RandomGenerator thinning;
    private long t;

    /**
     * @param ratePerHour the profile: one rate per hour from the scenario start, repeated
     * @param candidates the seeded stream of candidate gaps
     * @param thinning the seeded stream of acceptance draws
     */
    public DiurnalProcess(double[] ratePerHour, RandomGenerator candidates, RandomGenerator thinning) {
        if (ratePerHour.length == 0 || ratePerHour.length % 24 != 0) {
            throw new IllegalArgumentException("a profile covers whole days of hourly rates, got " + ratePerHour.length);
        }
        for (double r : ratePerHour) {
            if (!(r >= 0) || Double.isInfinite(r)) {
                throw new IllegalArgumentException("hourly rates must be finite numbers >= 0: "
                        + Arrays.toString(ratePerHour));
            }
        }
        this.ratePerHour = ratePerHour.clone();
        this.peak = Arrays.stream(ratePerHour).max().orElse(0);
        this.gapUs = peak == 0 ? null : new ExponentialDistribution(candidates, Durations.MICROS_PER_HOUR / peak);
        this.thinning = thinning;
    }

    @Override
    public long nextTimeUs() {
        if (gapUs == null) {
            return ArrivalSource.NONE;
        }
        while (true) {
            t += Math.round(gapUs.sample());
            int hour = (int) ((t / Durations.MICROS_PER_HOUR) % ratePerHour.length);
            if (thinning.nextDouble() * peak < ratePerHour[hour]) {
                return t;
            }
        }
    }
}
