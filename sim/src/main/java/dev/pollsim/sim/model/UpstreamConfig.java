package dev.pollsim.sim.model;

import java.util.Objects;

/**
 * The upstream's cost model beyond counting requests.
 *
 * @param warmWindowUs compute stays warm this long after the last request that reached it, and
 *     is billed while warm; 0 turns the warm model off
 * @param coldStartUs added to a request that finds the compute cold
 * @param rateLimit the token bucket answering 429, or {@link RateLimit#NONE}
 */
public record UpstreamConfig(long warmWindowUs, long coldStartUs, RateLimit rateLimit) {

    /** No warm model, no rate limit. */
    public static final UpstreamConfig NONE = new UpstreamConfig(0, 0, RateLimit.NONE);

    public UpstreamConfig {
        if (warmWindowUs < 0 || coldStartUs < 0) {
            throw new IllegalArgumentException("warmWindow and coldStart must be >= 0");
        }
        Objects.requireNonNull(rateLimit, "rateLimit");
    }

    /** Whether the warm-window model is on. */
    public boolean warmModel() {
        return warmWindowUs > 0;
    }

    /**
     * A token bucket: {@code requests} tokens per {@code perUs}, holding at most {@code burst}.
     *
     * @param requests tokens added per period; 0 means no limit
     * @param perUs the period
     * @param burst bucket size, at least 1
     */
    public record RateLimit(long requests, long perUs, long burst) {

        public static final RateLimit NONE = new RateLimit(0, 1, 1);

        public RateLimit {
            if (requests < 0 || perUs <= 0 || burst < 1) {
                throw new IllegalArgumentException("a rate limit needs requests >= 0, a period > 0 and burst >= 1");
            }
        }

        public boolean enabled() {
            return requests > 0;
        }
    }
}
