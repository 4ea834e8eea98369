package dev.pollsim.policy.builtin;

import dev.pollsim.policy.PollPolicy;
import dev.pollsim.policy.TickOutcome;
import dev.pollsim.policy.param.Durations;

/**
 * Polls at a constant interval whatever a tick finds: the daemon of seed 000 before its change
 * ("polling every 10s forever"). Errors do not slow it down either; it is the baseline every
 * other policy is measured against. Allocation-free, NOT thread-safe.
 */
public final class FixedIntervalPolicy implements PollPolicy {

    /** Seed 000's {@code opts.pollInterval}. */
    public static final long DEFAULT_INTERVAL_US = 10_000_000L;

    private final long intervalUs;

    public FixedIntervalPolicy(long intervalUs) {
        if (intervalUs <= 0) {
            throw new IllegalArgumentException("interval must be positive: " + intervalUs);
        }
        this.intervalUs = intervalUs;
    }

    @Override
    public long initialIntervalUs() {
        return intervalUs;
    }

    @Override
    public long steadyIdlePeriodUs() {
        return intervalUs;
    }

    @Override
    public long onTick(long nowUs, TickOutcome outcome) {
        return intervalUs;
    }

    /** Every tick follows the one rule: {@code fixed 10s}. */
    @Override
    public String rule() {
        return "fixed " + Durations.format(intervalUs);
    }
}
