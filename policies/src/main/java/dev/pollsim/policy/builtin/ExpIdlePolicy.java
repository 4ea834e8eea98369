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

    private final Settings settings;

    private long idleBackoffUs;
    private long errorBackoffUs;
    private Rule rule = Rule.START;

    /**
     * The parameters, immutable: one instance serves every loop of a fleet, so that a loop costs
     * only its own backoff state.
     *
     * @param baseUs the poll interval the backoff starts from and resets to
     * @param multiplier growth per idle tick
     * @param capUs the idle backoff ceiling
     * @param deadlineFloorUs the least delay when clamping to a deadline (seed: 1 s)
     * @param rateLimitFloorUs the least error backoff after a 429 (seed: 30 s)
     * @param errorCapUs the error backoff ceiling (seed: 60 s)
     */
    public record Settings(long baseUs, Ratio multiplier, long capUs, long deadlineFloorUs, long rateLimitFloorUs,
            long errorCapUs) {
        public Settings {
            if (baseUs <= 0 || capUs < baseUs) {
                throw new IllegalArgumentException("need 0 < base <= cap, got base " + baseUs + " cap " + capUs);
            }
            if (multiplier.lessThanOne()) {
                throw new IllegalArgumentException("multiplier below 1: " + multiplier);
            }
        }
    }

    /** A loop's policy with these settings, shared. */
    public ExpIdlePolicy(Settings settings) {
        this.settings = settings;
        this.idleBackoffUs = settings.baseUs();
        this.errorBackoffUs = settings.baseUs();
    }

    /** A policy with settings of its own; see {@link Settings} for the parameters. */
    public ExpIdlePolicy(long baseUs, Ratio multiplier, long capUs, long deadlineFloorUs, long rateLimitFloorUs,
            long errorCapUs) {
        this(new Settings(baseUs, multiplier, capUs, deadlineFloorUs, rateLimitFloorUs, errorCapUs));
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
        return settings.baseUs();
    }

    @Override
    public long onTick(long nowUs, TickOutcome outcome) {
        if (outcome.error() != TickError.NONE) {
            return onError(outcome.error());
        }
        if (outcome.saturated()) {
            applied(Rule.SATURATED);
            return nextPollDelay(nowUs, outcome.deadlineUs());
        }
        if (outcome.didWork()) {
            idleBackoffUs = settings.baseUs();
            applied(outcome.dispatched() > 0 ? Rule.RESET_WORK : Rule.RESET_POOL);
        } else {
            idleBackoffUs = Math.min(settings.multiplier().times(idleBackoffUs), settings.capUs());
            applied(Rule.IDLE);
        }
        errorBackoffUs = settings.baseUs();
        return nextPollDelay(nowUs, outcome.deadlineUs());
    }

    @Override
    public long onSlotFreed(long nowUs, LoopState state) {
        idleBackoffUs = settings.baseUs();
        if (state == LoopState.IN_FLIGHT) {
            applied(Rule.SLOT_FREED_IN_FLIGHT);
            return KEEP;
        }
        applied(Rule.SLOT_FREED);
        return settings.baseUs();
    }

    @Override
    public long onWake(long nowUs, WakeKind kind, LoopState state) {
        if (kind != WakeKind.DEADLINE) {
            applied(Rule.NO_WAKE_BUS);
            return KEEP;
        }
        idleBackoffUs = settings.baseUs();
        if (state == LoopState.IN_FLIGHT) {
            applied(Rule.DEADLINE_WAKE_IN_FLIGHT);
            return KEEP;
        }
        applied(Rule.DEADLINE_WAKE);
        return 0L;
    }

    /**
     * Notes the rule of a decision, storing only a change: a reference stored into a long-lived
     * policy pays the collector's write barrier, on every tick of every loop.
     */
    private void applied(Rule r) {
        if (rule != r) {
            rule = r;
        }
    }

    /** Worded on demand: a fleet holds a policy per loop, and only an explanation reads the words. */
    @Override
    public String rule() {
        return switch (rule) {
            case START -> RULE_START;
            case RESET_WORK -> RULE_RESET_WORK;
            case RESET_POOL -> RULE_RESET_POOL;
            case SATURATED -> RULE_SATURATED;
            case SLOT_FREED_IN_FLIGHT -> RULE_SLOT_FREED_IN_FLIGHT;
            case DEADLINE_WAKE -> RULE_DEADLINE_WAKE;
            case DEADLINE_WAKE_IN_FLIGHT -> RULE_DEADLINE_WAKE_IN_FLIGHT;
            case NO_WAKE_BUS -> RULE_NO_WAKE_BUS;
            case IDLE -> "idle x" + settings.multiplier() + " (cap " + Durations.format(settings.capUs()) + ")";
            case RATE_LIMITED -> "429 backoff x2 (floor " + Durations.format(settings.rateLimitFloorUs()) + ", cap "
                    + Durations.format(settings.errorCapUs()) + ")";
            case ERROR -> "error backoff x2 (cap " + Durations.format(settings.errorCapUs()) + ")";
            case DEADLINE_CLAMP -> "deadline clamp (floor " + Durations.format(settings.deadlineFloorUs()) + ")";
            case SLOT_FREED -> "freed slot: reset, poll at base " + Durations.format(settings.baseUs());
        };
    }

    /** Steady once the idle backoff sits at the cap and the error backoff is reset. */
    @Override
    public long steadyIdlePeriodUs() {
        return idleBackoffUs == settings.capUs() && errorBackoffUs == settings.baseUs() ? settings.capUs() : 0L;
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
            errorBackoffUs = Math.min(Math.max(doubled, settings.rateLimitFloorUs()), settings.errorCapUs());
            applied(Rule.RATE_LIMITED);
        } else {
            errorBackoffUs = Math.min(doubled, settings.errorCapUs());
            applied(Rule.ERROR);
        }
        return errorBackoffUs;
    }

    private long nextPollDelay(long nowUs, long deadlineUs) {
        if (deadlineUs == TickOutcome.NO_DEADLINE || deadlineUs <= nowUs) {
            return idleBackoffUs;
        }
        long clamped = Math.max(deadlineUs - nowUs, settings.deadlineFloorUs());
        if (clamped < idleBackoffUs) {
            applied(Rule.DEADLINE_CLAMP);
            return clamped;
        }
        return idleBackoffUs;
    }

    /** The rule of the last decision. */
    private enum Rule {
        START, RESET_WORK, RESET_POOL, SATURATED, SLOT_FREED_IN_FLIGHT, DEADLINE_WAKE, DEADLINE_WAKE_IN_FLIGHT,
        NO_WAKE_BUS, IDLE, RATE_LIMITED, ERROR, DEADLINE_CLAMP, SLOT_FREED
    }
}
