package dev.pollsim.sim.workload;

import org.apache.commons.math3.distribution.RealDistribution;

/** How long a worker runs a job: a sampler of microseconds. NOT thread-safe. */
@FunctionalInterface
public interface ServiceTime {

    /** The next service time, in whole microseconds, {@code >= 0}. */
    long sampleUs();

    /** Every job takes exactly {@code micros}. */
    static ServiceTime constant(long micros) {
        if (micros < 0) {
            throw new IllegalArgumentException("negative service time " + micros);
        }
        return () -> micros;
    }

    /**
     * Draws from a distribution of microseconds (built on a seeded generator), rounded to the
     * nearest microsecond and floored at zero.
     */
    static ServiceTime of(RealDistribution micros) {
        return () -> Math.max(0L, Math.round(micros.sample()));
    }
}
