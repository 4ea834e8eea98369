package dev.pollsim.sim.metrics;

/**
 * What the upstream saw beyond request counts.
 *
 * @param rateLimited ticks answered 429
 * @param serverErrors ticks answered with another error
 * @param coldStarts requests that found the compute cold (0 with the warm model off)
 * @param warmUs billed warm compute time (0 with the warm model off)
 */
public record UpstreamStats(long rateLimited, long serverErrors, long coldStarts, long warmUs) {

    public static final UpstreamStats NONE = new UpstreamStats(0, 0, 0, 0);
}
