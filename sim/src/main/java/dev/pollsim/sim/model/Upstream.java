package dev.pollsim.sim.model;

import dev.pollsim.policy.TickError;
import dev.pollsim.sim.engine.RandomStreams;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The upstream a fleet polls, beyond counting requests: a token-bucket rate limiter answering
 * 429, windows of injected errors, and compute that stays warm (and billed) for a window after
 * the last request reaching it.
 *
 * <p>The rate limiter is the generic cell rate algorithm on an exact integer clock scaled by the
 * rate, so {@code 3 requests per 1s} has no rounding. It sits in front of compute: a 429 does not
 * warm the compute, a 5xx does. A tick's requests are admitted or refused together. NOT
 * thread-safe.
 */
final class Upstream {

    private final UpstreamConfig config;
    private final List<FaultPlan.ErrorWindow> windows;
    private final SplittableRandom[] windowDraws;

    private long theoreticalArrival;
    private long retryAfterUs;
    private long coldStartPaidUs;

    private long warmUntilUs = -1;
    private long warmUs;
    private long coldStarts;
    private long rateLimited;
    private long serverErrors;

    Upstream(UpstreamConfig config, List<FaultPlan.ErrorWindow> windows, RandomStreams streams) {
        this.config = config;
        this.windows = List.copyOf(windows);
        this.windowDraws = new SplittableRandom[windows.size()];
        for (int i = 0; i < windowDraws.length; i++) {
            windowDraws[i] = streams.stream("faults/errors/" + i);
        }
    }

    /**
     * Sends a tick's {@code count} requests at {@code nowUs}.
     *
     * @return {@link TickError#NONE} when they went through; otherwise the error the first met
     */
    TickError request(long nowUs, int count) {
        coldStartPaidUs = 0;
        UpstreamConfig.RateLimit limit = config.rateLimit();
        if (limit.enabled()) {
            long now = nowUs * limit.requests();
            long tau = (limit.burst() - 1) * limit.perUs();
            long needed = theoreticalArrival + (count - 1) * limit.perUs() - tau;
            if (now < needed) {
                retryAfterUs = (needed + limit.requests() - 1) / limit.requests();
                rateLimited++;
                return TickError.RATE_LIMITED;
            }
            theoreticalArrival = Math.max(theoreticalArrival, now) + count * limit.perUs();
        }
        TickError error = TickError.NONE;
        for (int i = 0; i < windowDraws.length; i++) {
            FaultPlan.ErrorWindow w = windows.get(i);
            if (w.covers(nowUs) && windowDraws[i].nextDouble() < w.rate()) {
                error = w.error();
                break;
            }
        }
        if (error == TickError.RATE_LIMITED) {
            rateLimited++;
            retryAfterUs = nowUs;
            return error;
        }
        touchCompute(nowUs);
        if (error == TickError.SERVER_ERROR) {
            serverErrors++;
        }
        return error;
    }

    /** When a refused tick could next go through (a 429's retry-after). */
    long retryAfterUs() {
        return retryAfterUs;
    }

    /** The cold start the last admitted request paid; 0 when the compute was warm. */
    long coldStartPaidUs() {
        return coldStartPaidUs;
    }

    long rateLimited() {
        return rateLimited;
    }

    long serverErrors() {
        return serverErrors;
    }

    long coldStarts() {
        return coldStarts;
    }

    /** Warm (billed) compute time up to {@code horizonUs}. */
    long warmUs(long horizonUs) {
        return warmUs - Math.max(0, warmUntilUs - horizonUs);
    }

    private void touchCompute(long nowUs) {
        if (!config.warmModel()) {
            return;
        }
        long until = nowUs + config.warmWindowUs();
        if (nowUs >= warmUntilUs) {
            coldStarts++;
            coldStartPaidUs = config.coldStartUs();
            warmUs += config.warmWindowUs();
        } else {
            warmUs += until - warmUntilUs;
        }
        warmUntilUs = until;
    }
}
