package dev.pollsim.sim.scenario;

import dev.pollsim.sim.model.UpstreamConfig;

/**
 * The {@code upstream:} section: what the polled service costs beyond its request count.
 *
 * @param warmWindow compute stays warm (and billed) this long after the last request reaching
 *     it (seed 001's scale-to-zero window); absent or {@code 0s}: no warm model
 * @param coldStart added to the wake latency of a request that finds the compute cold
 * @param rateLimit a token bucket answering 429, or absent
 */
public record UpstreamSpec(TimeSpan warmWindow, TimeSpan coldStart, RateLimitSpec rateLimit) {

    public static final UpstreamSpec DEFAULT = new UpstreamSpec(null, null, null);

    public UpstreamSpec {
        warmWindow = warmWindow == null ? new TimeSpan(0) : warmWindow;
        coldStart = coldStart == null ? new TimeSpan(0) : coldStart;
        if (coldStart.micros() > 0 && warmWindow.micros() == 0) {
            throw new IllegalArgumentException("coldStart needs a warmWindow: the compute is never cold without one");
        }
    }

    /** The model's view. */
    public UpstreamConfig config() {
        return new UpstreamConfig(warmWindow.micros(), coldStart.micros(),
                rateLimit == null ? UpstreamConfig.RateLimit.NONE : rateLimit.config());
    }

    /**
     * A token bucket: {@code requests} per {@code per}, at most {@code burst} at once.
     *
     * @param requests tokens per period
     * @param per the period (default 1s)
     * @param burst bucket size (default: {@code requests})
     */
    public record RateLimitSpec(Long requests, TimeSpan per, Long burst) {
        public RateLimitSpec {
            if (requests == null || requests < 1) {
                throw new IllegalArgumentException("rateLimit needs requests >= 1 (tokens per period)");
            }
            per = per == null ? TimeSpan.parse("1s") : per;
            if (per.micros() == 0) {
                throw new IllegalArgumentException("rateLimit needs a period above 0");
            }
            burst = burst == null ? requests : burst;
            if (burst < 1) {
                throw new IllegalArgumentException("rateLimit needs burst >= 1");
            }
        }

        UpstreamConfig.RateLimit config() {
            return new UpstreamConfig.RateLimit(requests, per.micros(), burst);
        }
    }
}
