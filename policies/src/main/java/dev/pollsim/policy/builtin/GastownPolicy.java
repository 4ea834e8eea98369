package dev.pollsim.policy.builtin;

import dev.pollsim.policy.PackedPolicy;
import dev.pollsim.policy.TickOutcome;
import dev.pollsim.policy.param.Durations;
import dev.pollsim.policy.param.Ratio;
import java.util.Locale;

/**
 * One supervised agent of seed 003's daemon ({@code gastown/internal/daemon/backoff.go}).
 *
 * <p>The daemon beats every {@code heartbeat} (5 min) and pokes an agent on a beat only when
 * {@code time since the last poke >= current interval} ({@code ShouldPoke}), so pokes land on
 * beats and every gap between two pokes is the interval rounded up to a whole number of beats.
 * A poke that finds the agent active ({@code RecordActivity}: it started a job or a worker of
 * its daemon finished) resets the interval to the base; a miss ({@code RecordMiss}) grows it by
 * the strategy: {@code fixed} keeps it, {@code geometric} multiplies it by the factor (1.5),
 * {@code exponential} doubles it; capped at the maximum (30 min). A loop's state, its interval
 * and rule, packs into one word ({@link PackedPolicy}). Allocation-free, NOT thread-safe.
 */
public final class GastownPolicy implements PackedPolicy {

    public static final long DEFAULT_BASE_US = 300_000_000L;
    public static final long DEFAULT_MAX_US = 1_800_000_000L;
    public static final long DEFAULT_HEARTBEAT_US = 300_000_000L;
    public static final String DEFAULT_FACTOR = "1.5";

    /** How the interval grows after a miss. */
    public enum Strategy {
        FIXED, GEOMETRIC, EXPONENTIAL;

        /** The strategy named as in the seed ({@code geometric}). */
        public static Strategy of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    private static final Ratio TWO = new Ratio(2, 1);
    /** Bits of the interval in a packed state; the rule sits above them. */
    private static final int INTERVAL_BITS = 60;
    private static final long INTERVAL_MASK = (1L << INTERVAL_BITS) - 1;
    private static final Rule[] RULES = Rule.values();

    private final Settings settings;
    private long currentUs;
    private Rule rule = Rule.START;

    /**
     * The parameters, immutable: one instance serves every agent loop of a fleet, so that a loop
     * costs only its interval and rule.
     *
     * @param strategy how the interval grows after a miss
     * @param baseUs the starting interval, and what activity resets to
     * @param maxUs the cap on the interval
     * @param factor the multiplier of the geometric strategy
     * @param heartbeatUs the daemon's heartbeat: pokes are decided only on beats
     */
    public record Settings(Strategy strategy, long baseUs, long maxUs, Ratio factor, long heartbeatUs) {
        public Settings {
            if (baseUs <= 0 || maxUs < baseUs || heartbeatUs <= 0) {
                throw new IllegalArgumentException("need 0 < base <= max and heartbeat > 0");
            }
        }
    }

    /** An agent loop's policy with these settings, shared. */
    public GastownPolicy(Settings settings) {
        this.settings = settings;
        this.currentUs = settings.baseUs();
    }

    /** A policy with settings of its own; see {@link Settings} for the parameters. */
    public GastownPolicy(Strategy strategy, long baseUs, long maxUs, Ratio factor, long heartbeatUs) {
        this(new Settings(strategy, baseUs, maxUs, factor, heartbeatUs));
    }

    /** The first poke happens on the first beat; beats are spread over one heartbeat. */
    @Override
    public long initialIntervalUs() {
        return settings.heartbeatUs();
    }

    @Override
    public long onTick(long nowUs, TickOutcome outcome) {
        if (outcome.didWork()) {
            currentUs = settings.baseUs();
            applied(Rule.ACTIVITY);
        } else {
            applied(Rule.MISS);
            switch (settings.strategy()) {
                case GEOMETRIC:
                    currentUs = settings.factor().times(currentUs);
                    break;
                case EXPONENTIAL:
                    currentUs = TWO.times(currentUs);
                    break;
                case FIXED:
                default:
                    break;
            }
            currentUs = Math.min(currentUs, settings.maxUs());
        }
        return nextBeatAtOrAfter(currentUs);
    }

    /** Steady when a miss no longer changes the interval: the fixed strategy, or at the cap. */
    @Override
    public long steadyIdlePeriodUs() {
        boolean steady = settings.strategy() == Strategy.FIXED || currentUs == settings.maxUs();
        return steady ? nextBeatAtOrAfter(currentUs) : 0L;
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
        String beat = ", on the next " + Durations.format(settings.heartbeatUs()) + " beat";
        Strategy strategy = settings.strategy();
        String growth = strategy == Strategy.GEOMETRIC ? "x" + settings.factor()
                : strategy == Strategy.EXPONENTIAL ? "x2" : "fixed";
        return switch (rule) {
            case START -> "start";
            case ACTIVITY -> "activity: base " + Durations.format(settings.baseUs()) + beat;
            case MISS -> "miss: " + growth + " (max " + Durations.format(settings.maxUs()) + ")" + beat;
        };
    }

    /** Whether the interval fits its 60 bits: a maximum below 2^60 us (36,000 years). */
    @Override
    public boolean packable() {
        return settings.maxUs() <= INTERVAL_MASK;
    }

    @Override
    public long state() {
        return currentUs | (long) rule.ordinal() << INTERVAL_BITS;
    }

    @Override
    public void load(long state) {
        currentUs = state & INTERVAL_MASK;
        applied(RULES[(int) (state >>> INTERVAL_BITS)]);
    }

    @Override
    public boolean packsLike(PackedPolicy other) {
        return other instanceof GastownPolicy g && g.settings.equals(settings);
    }

    @Override
    public GastownPolicy fresh() {
        return new GastownPolicy(settings);
    }

    /** The current interval, for tests and timelines. */
    public long currentIntervalUs() {
        return currentUs;
    }

    private long nextBeatAtOrAfter(long intervalUs) {
        long heartbeat = settings.heartbeatUs();
        long beats = (intervalUs + heartbeat - 1) / heartbeat;
        return Math.max(1, beats) * heartbeat;
    }

    /** The rule of the last decision. */
    private enum Rule {
        START, ACTIVITY, MISS
    }
}
