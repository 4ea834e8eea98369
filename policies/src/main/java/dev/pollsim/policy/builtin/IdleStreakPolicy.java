package dev.pollsim.policy.builtin;

import dev.pollsim.policy.PackedPolicy;
import dev.pollsim.policy.TickOutcome;
import dev.pollsim.policy.param.Durations;

/**
 * Seed 002's idle-streak backoff (the code-graph daemon's scheduler, PR #68).
 *
 * <p>The effective interval is {@code base x 2^min(streak, max - 1)}: {@code max} caps the
 * <em>exponent</em>, though the seed names it {@code max_backoff_multiplier} (with its default 8
 * the interval grows to 128 x base, not 8 x). A tick that did work resets the streak, an idle
 * tick adds one; a saturated tick leaves it. The server loop sleeps the remaining time to the
 * effective interval (at least {@code minWait}) and ticks when it is due, so a tick comes exactly
 * one effective interval after the last.
 *
 * <p>With {@code clampBug} it reproduces the reviewed first version: the remaining wait is
 * clamped to {@code [minWait, maxWait]} (25 ms, 1 s) and the due check compares the elapsed time
 * with the <em>base</em> interval, so once the backoff passes one second the loop wakes every
 * second and ticks as soon as the base interval has elapsed: the backoff is negated. Its status
 * then also reports the next tick as due one base interval after the last.
 *
 * <p>A loop's state, its streak and rule, packs into one word ({@link PackedPolicy}).
 * Allocation-free, NOT thread-safe.
 */
public final class IdleStreakPolicy implements PackedPolicy {

    public static final long DEFAULT_INTERVAL_US = 5_000_000L;
    public static final int DEFAULT_MAX_BACKOFF_MULTIPLIER = 8;
    public static final long DEFAULT_MIN_WAIT_US = 25_000L;
    public static final long DEFAULT_MAX_WAIT_US = 1_000_000L;

    static final String RULE_START = "start";
    static final String RULE_RESET = "reset: work";
    static final String RULE_SATURATED = "saturated: hold";

    private static final Rule[] RULES = Rule.values();

    private final Settings settings;
    private int streak;
    private Rule rule = Rule.START;

    /**
     * The parameters, immutable: one instance serves every loop of a fleet, so that a loop costs
     * only its streak and rule.
     *
     * @param baseUs the poll interval
     * @param maxBackoffMultiplier caps the exponent at {@code max - 1}
     * @param minWaitUs the shortest sleep of the server loop
     * @param maxWaitUs the longest sleep of the server loop; used only with {@code clampBug}
     * @param clampBug reproduce the clamp and the due check on the base interval
     */
    public record Settings(long baseUs, int maxBackoffMultiplier, long minWaitUs, long maxWaitUs, boolean clampBug) {
        public Settings {
            if (baseUs <= 0 || maxBackoffMultiplier < 1 || minWaitUs <= 0 || maxWaitUs < minWaitUs) {
                throw new IllegalArgumentException("need base > 0, max >= 1, 0 < minWait <= maxWait");
            }
        }
    }

    /** A loop's policy with these settings, shared. */
    public IdleStreakPolicy(Settings settings) {
        this.settings = settings;
    }

    /** A policy with settings of its own; see {@link Settings} for the parameters. */
    public IdleStreakPolicy(long baseUs, int maxBackoffMultiplier, long minWaitUs, long maxWaitUs, boolean clampBug) {
        this(new Settings(baseUs, maxBackoffMultiplier, minWaitUs, maxWaitUs, clampBug));
    }

    @Override
    public long initialIntervalUs() {
        return settings.baseUs();
    }

    @Override
    public long onTick(long nowUs, TickOutcome outcome) {
        if (outcome.didWork()) {
            streak = 0;
            applied(Rule.RESET);
        } else if (outcome.saturated()) {
            applied(Rule.SATURATED);
        } else {
            if (streak < settings.maxBackoffMultiplier()) {
                streak++;
            }
            applied(Rule.IDLE);
        }
        long effective = effectiveIntervalUs();
        if (settings.clampBug()) {
            applied(Rule.CLAMP);
            return clampedTickDelay(effective);
        }
        return Math.max(effective, settings.minWaitUs());
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
            case RESET -> RULE_RESET;
            case SATURATED -> RULE_SATURATED;
            case IDLE -> "idle streak: base x2^min(streak, " + (settings.maxBackoffMultiplier() - 1) + ")";
            case CLAMP -> "clamp bug: due once the base " + Durations.format(settings.baseUs()) + " has elapsed";
        };
    }

    @Override
    public long reportedDueUs(long nowUs, long delayUs) {
        return nowUs + (settings.clampBug() ? settings.baseUs() : effectiveIntervalUs());
    }

    @Override
    public boolean duesAreTicks() {
        return false;
    }

    /** Steady once the streak has reached its cap, where an idle tick no longer changes it. */
    @Override
    public long steadyIdlePeriodUs() {
        if (streak < settings.maxBackoffMultiplier()) {
            return 0L;
        }
        long effective = effectiveIntervalUs();
        return settings.clampBug() ? clampedTickDelay(effective) : Math.max(effective, settings.minWaitUs());
    }

    @Override
    public boolean packable() {
        return true;
    }

    /** The streak in the low 32 bits, the rule above. */
    @Override
    public long state() {
        return Integer.toUnsignedLong(streak) | (long) rule.ordinal() << Integer.SIZE;
    }

    @Override
    public void load(long state) {
        streak = (int) state;
        applied(RULES[(int) (state >>> Integer.SIZE)]);
    }

    @Override
    public boolean packsLike(PackedPolicy other) {
        return other instanceof IdleStreakPolicy p && p.settings.equals(settings);
    }

    @Override
    public IdleStreakPolicy fresh() {
        return new IdleStreakPolicy(settings);
    }

    /** The idle streak, for tests and timelines. */
    public int streak() {
        return streak;
    }

    /** {@code base x 2^min(streak, max - 1)}, saturating. */
    public long effectiveIntervalUs() {
        long base = settings.baseUs();
        int shift = Math.min(streak, settings.maxBackoffMultiplier() - 1);
        return shift >= Long.numberOfLeadingZeros(base) - 1 ? Long.MAX_VALUE / 2 : base << shift;
    }

    /**
     * The first wake of the clamped server loop at which the base interval has elapsed: the
     * loop sleeps {@code clamp(effective - elapsed, minWait, maxWait)} again and again.
     */
    private long clampedTickDelay(long effective) {
        long elapsed = 0;
        while (elapsed < settings.baseUs()) {
            long remaining = Math.max(effective - elapsed, 0);
            elapsed += Math.min(Math.max(remaining, settings.minWaitUs()), settings.maxWaitUs());
        }
        return elapsed;
    }

    /** The rule of the last decision. */
    private enum Rule {
        START, RESET, SATURATED, IDLE, CLAMP
    }
}
