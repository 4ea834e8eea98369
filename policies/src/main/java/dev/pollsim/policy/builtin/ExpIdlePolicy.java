package dev.pollsim.policy.builtin;

import dev.pollsim.policy.LoopState;
import dev.pollsim.policy.PackedPolicy;
import dev.pollsim.policy.TickError;
import dev.pollsim.policy.TickOutcome;
import dev.pollsim.policy.WakeKind;
import dev.pollsim.policy.param.Durations;
import dev.pollsim.policy.param.Ratio;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.TreeSet;

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
 * <p>All arithmetic is in integer microseconds with an exact multiplier. A loop's state packs into
 * one word ({@link PackedPolicy}): the idle backoff in microseconds, the error backoff as its
 * index among the few values errors can reach (precomputed with the settings, shared by the
 * policies {@link #fresh} makes), and the rule. Allocation-free, NOT thread-safe.
 */
public final class ExpIdlePolicy implements PackedPolicy {

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

    /** Bits of the idle backoff in a packed state; the error step and the rule sit above them. */
    private static final int IDLE_BITS = 52;
    private static final long IDLE_MASK = (1L << IDLE_BITS) - 1;
    private static final int STEP_BITS = 8;
    private static final Rule[] RULES = Rule.values();

    private final Settings settings;
    private final ErrorSteps steps;

    private long idleBackoffUs;
    /** The error backoff, as its index in {@link ErrorSteps#values}. */
    private int errorStep;
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

    /**
     * A loop's policy with these settings. A fleet makes its loops' policies with {@link #fresh}
     * from one of them, which shares the error steps worked out here.
     */
    public ExpIdlePolicy(Settings settings) {
        this(settings, new ErrorSteps(settings));
    }

    private ExpIdlePolicy(Settings settings, ErrorSteps steps) {
        this.settings = settings;
        this.steps = steps;
        this.idleBackoffUs = settings.baseUs();
        this.errorStep = steps.base;
    }

    /** A policy of the same settings in its initial state, sharing what they precompute. */
    public ExpIdlePolicy fresh() {
        return new ExpIdlePolicy(settings, steps);
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
        errorStep = steps.base;
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
        return idleBackoffUs == settings.capUs() && errorStep == steps.base ? settings.capUs() : 0L;
    }

    /** Whether the settings fit a word: an idle cap below 2^52 us (142 years), few error steps. */
    @Override
    public boolean packable() {
        return settings.capUs() <= IDLE_MASK && steps.values.length <= 1 << STEP_BITS;
    }

    @Override
    public long state() {
        return idleBackoffUs | (long) errorStep << IDLE_BITS | (long) rule.ordinal() << (IDLE_BITS + STEP_BITS);
    }

    @Override
    public void load(long state) {
        idleBackoffUs = state & IDLE_MASK;
        errorStep = (int) (state >>> IDLE_BITS) & ((1 << STEP_BITS) - 1);
        applied(RULES[(int) (state >>> (IDLE_BITS + STEP_BITS))]);
    }

    @Override
    public boolean packsLike(PackedPolicy other) {
        return other instanceof ExpIdlePolicy e && e.settings.equals(settings);
    }

    /** The current idle backoff, for tests and timelines. */
    public long idleBackoffUs() {
        return idleBackoffUs;
    }

    /** The current error backoff, for tests and timelines. */
    public long errorBackoffUs() {
        return steps.values[errorStep];
    }

    private long onError(TickError error) {
        if (error == TickError.RATE_LIMITED) {
            errorStep = steps.afterRateLimit[errorStep];
            applied(Rule.RATE_LIMITED);
        } else {
            errorStep = steps.afterError[errorStep];
            applied(Rule.ERROR);
        }
        return steps.values[errorStep];
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

    /**
     * Every error backoff the settings can reach from the base: the base, doubled, floored after a
     * 429 and capped ({@code e = min(max(2e, 30 s), 60 s)}, {@code e = min(2e, 60 s)}); a few
     * dozen values at most (powers of two of the base and of the floor, and the cap), each with
     * the step a 429 or another error takes it to.
     */
    private static final class ErrorSteps {
        final long[] values;
        final int[] afterRateLimit;
        final int[] afterError;
        final int base;

        ErrorSteps(Settings s) {
            TreeSet<Long> reached = new TreeSet<>();
            ArrayDeque<Long> open = new ArrayDeque<>();
            open.add(s.baseUs());
            while (!open.isEmpty()) {
                long e = open.poll();
                if (reached.add(e)) {
                    open.add(afterRateLimit(s, e));
                    open.add(afterError(s, e));
                }
            }
            values = reached.stream().mapToLong(Long::longValue).toArray();
            afterRateLimit = new int[values.length];
            afterError = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                afterRateLimit[i] = Arrays.binarySearch(values, afterRateLimit(s, values[i]));
                afterError[i] = Arrays.binarySearch(values, afterError(s, values[i]));
            }
            base = Arrays.binarySearch(values, s.baseUs());
        }

        private static long afterRateLimit(Settings s, long e) {
            return Math.min(Math.max(doubled(e), s.rateLimitFloorUs()), s.errorCapUs());
        }

        private static long afterError(Settings s, long e) {
            return Math.min(doubled(e), s.errorCapUs());
        }

        private static long doubled(long e) {
            return Math.min(e, Long.MAX_VALUE / 2) * 2;
        }
    }

    /** The rule of the last decision. */
    private enum Rule {
        START, RESET_WORK, RESET_POOL, SATURATED, SLOT_FREED_IN_FLIGHT, DEADLINE_WAKE, DEADLINE_WAKE_IN_FLIGHT,
        NO_WAKE_BUS, IDLE, RATE_LIMITED, ERROR, DEADLINE_CLAMP, SLOT_FREED
    }
}
