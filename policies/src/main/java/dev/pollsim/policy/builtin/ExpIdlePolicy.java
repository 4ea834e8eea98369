package dev.pollsim.policy.builtin;

import dev.pollsim.policy.LoopState;
import dev.pollsim.policy.PollPolicy;
import dev.pollsim.policy.TickError;
import dev.pollsim.policy.TickOutcome;
import dev.pollsim.policy.WakeKind;
import dev.pollsim.policy.param.Durations;
import dev.pollsim.policy.param.Ratio;

/**
 * Seed 000's exponential idle backoff ({@code packages/cli/src/daemon/loop.ts}, commit e72d8b2).
 *
 * <ul>
 *   <li>An idle tick multiplies the idle backoff by 1.5 up to 120 s ({@code bumpIdleBackoff});
 *       a tick that dispatched or saw the pool change resets it to the base interval.
 *   <li>A saturated pool leaves the idle backoff untouched and skips the error-backoff reset,
 *       because the seed returns before both.
 *   <li>{@code nextPollDelay = min(idle, max(resume - now, 1 s))} against the nearest known
 *       deadline.
 *   <li>A freed slot resets the backoff and re-schedules the pending poll at the base interval
 *       ({@code onSlotFreed}), even when the pending poll was sooner; during an in-flight tick
 *       the tick's own decision follows and wins.
 *   <li>A deadline wake ({@code resumeRateLimitedSessions}) resets and polls at once.
 *   <li>Errors: after a 429 {@code e = min(max(2e, 30 s), 60 s)}, after any other error
 *       {@code e = min(2e, 60 s)}; {@code e} starts at the base interval and resets after a good,
 *       unsaturated tick. The idle backoff is untouched by errors.
 * </ul>
 *
 * <p>All arithmetic is in integer microseconds with an exact multiplier. Allocation-free, NOT
 * thread-safe.
 */
public final class ExpIdlePolicy implements PollPolicy {

    public static final long DEFAULT_INTERVAL_US = 10_000_000L;
    public static final String DEFAULT_MULTIPLIER = "1.5";
    public static final long DEFAULT_CAP_US = 120_000_000L;
    public static final long DEFAULT_DEADLINE_FLOOR_US = 1_000_000L;
    public static final long DEFAULT_RATE_LIMIT_FLOOR_US = 30_000_000L;
    public static final long DEFAULT_ERROR_CAP_US = 60_000_000L;

    static final String RULE_START = "start";
    static final String RULE_RESET_WORK = "reset: work";
    static final String RULE_RESET_POOL = "reset: pool changed";
    static final String RULE_SATURATED = "saturated: hold";
    static final String RULE_SLOT_FREED_IN_FLIGHT = "freed slot: reset, the tick in flight decides";
    static final String RULE_DEADLINE_WAKE = "deadline: reset, poll now";
    static final String RULE_DEADLINE_WAKE_IN_FLIGHT = "deadline: reset, the tick in flight decides";
    static final String RULE_NO_WAKE_BUS = "no wake bus: ignored";

    private final long baseUs;
    private final Ratio multiplier;
    private final long capUs;
    private final long deadlineFloorUs;
    private final long rateLimitFloorUs;
    private final long errorCapUs;

    private final String ruleIdle;
    private final String ruleRateLimited;
    private final String ruleError;
    private final String ruleDeadlineClamp;
    private final String ruleSlotFreed;

    private long idleBackoffUs;
    private long errorBackoffUs;
    private String rule = RULE_START;

    /**
     * @param baseUs the poll interval the backoff starts from and resets to
     * @param multiplier growth per idle tick
     * @param capUs the idle backoff ceiling
     * @param deadlineFloorUs the least delay when clamping to a deadline (seed: 1 s)
     * @param rateLimitFloorUs the least error backoff after a 429 (seed: 30 s)
     * @param errorCapUs the error backoff ceiling (seed: 60 s)
     */
    public ExpIdlePolicy(
            long baseUs,
            Ratio multiplier,
            long capUs,
            long deadlineFloorUs,
            long rateLimitFloorUs,
            long errorCapUs) {
        if (baseUs <= 0 || capUs < baseUs) {
            throw new IllegalArgumentException("need 0 < base <= cap, got base " + baseUs + " cap " + capUs);
        }
        if (multiplier.lessThanOne()) {
            throw new IllegalArgumentException("multiplier below 1: " + multiplier);
        }
        this.baseUs = baseUs;
        this.multiplier = multiplier;
        this.capUs = capUs;
        this.deadlineFloorUs = deadlineFloorUs;
        this.rateLimitFloorUs = rateLimitFloorUs;
        this.errorCapUs = errorCapUs;
        this.idleBackoffUs = baseUs;
        this.errorBackoffUs = baseUs;
        this.ruleIdle = "idle x" + multiplier + " (cap " + Durations.format(capUs) + ")";
        this.ruleRateLimited = "429 backoff x2 (floor " + Durations.format(rateLimitFloorUs) + ", cap "
                + Durations.format(errorCapUs) + ")";
        this.ruleError = "error backoff x2 (cap " + Durations.format(errorCapUs) + ")";
        this.ruleDeadlineClamp = "deadline clamp (floor " + Durations.format(deadlineFloorUs) + ")";
        this.ruleSlotFreed = "freed slot: reset, poll at base " + Durations.format(baseUs);
    }

    /** The seed's constants. */
    public static ExpIdlePolicy seedDefaults() {
        return new ExpIdlePolicy(
                DEFAULT_INTERVAL_US,
                Ratio.parse(DEFAULT_MULTIPLIER),
                DEFAULT_CAP_US,
                DEFAULT_DEADLINE_FLOOR_US,
                DEFAULT_RATE_LIMIT_FLOOR_US,
                DEFAULT_ERROR_CAP_US);
    }

    @Override
    public long initialIntervalUs() {
        return baseUs;
    }

    @Override
    public long onTick(long nowUs, TickOutcome outcome) {
        if (outcome.error() != TickError.NONE) {
            return onError(outcome.error());
        }
        if (outcome.saturated()) {
            rule = RULE_SATURATED;
            return nextPollDelay(nowUs, outcome.deadlineUs());
        }
        if (outcome.didWork()) {
            idleBackoffUs = baseUs;
            rule = outcome.dispatched() > 0 ? RULE_RESET_WORK : RULE_RESET_POOL;
        } else {
            idleBackoffUs = Math.min(multiplier.times(idleBackoffUs), capUs);
            rule = ruleIdle;
        }
        errorBackoffUs = baseUs;
        return nextPollDelay(nowUs, outcome.deadlineUs());
    }

    @Override
    public long onSlotFreed(long nowUs, LoopState state) {
        idleBackoffUs = baseUs;
        if (state == LoopState.IN_FLIGHT) {
            rule = RULE_SLOT_FREED_IN_FLIGHT;
            return KEEP;
        }
        rule = ruleSlotFreed;
        return baseUs;
    }

    @Override
    public long onWake(long nowUs, WakeKind kind, LoopState state) {
        if (kind != WakeKind.DEADLINE) {
            rule = RULE_NO_WAKE_BUS;
            return KEEP;
        }
        idleBackoffUs = baseUs;
        if (state == LoopState.IN_FLIGHT) {
            rule = RULE_DEADLINE_WAKE_IN_FLIGHT;
            return KEEP;
        }
        rule = RULE_DEADLINE_WAKE;
        return 0L;
    }

    @Override
    public String rule() {
        return rule;
    }

    /** Steady once the idle backoff sits at the cap and the error backoff is reset. */
    @Override
    public long steadyIdlePeriodUs() {
        return idleBackoffUs == capUs && errorBackoffUs == baseUs ? capUs : 0L;
    }

    /** The current idle backoff, for tests and timelines. */
    public long idleBackoffUs() {
        return idleBackoffUs;
    }

    /** The current error backoff, for tests and timelines. */
    public long errorBackoffUs() {
        return errorBackoffUs;
    }

    private long onError(TickError error) {
        long doubled = Math.min(errorBackoffUs, Long.MAX_VALUE / 2) * 2;
        if (error == TickError.RATE_LIMITED) {
            errorBackoffUs = Math.min(Math.max(doubled, rateLimitFloorUs), errorCapUs);
            rule = ruleRateLimited;
        } else {
            errorBackoffUs = Math.min(doubled, errorCapUs);
            rule = ruleError;
        }
        return errorBackoffUs;
    }

    private long nextPollDelay(long nowUs, long deadlineUs) {
        if (deadlineUs == TickOutcome.NO_DEADLINE || deadlineUs <= nowUs) {
            return idleBackoffUs;
        }
        long clamped = Math.max(deadlineUs - nowUs, deadlineFloorUs);
        if (clamped < idleBackoffUs) {
            rule = ruleDeadlineClamp;
            return clamped;
        }
        return idleBackoffUs;
    }
}
