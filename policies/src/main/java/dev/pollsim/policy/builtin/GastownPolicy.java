package dev.pollsim.policy.builtin;

import dev.pollsim.policy.PollPolicy;
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
 * {@code exponential} doubles it; capped at the maximum (30 min). Allocation-free, NOT
 * thread-safe.
 */
public final class GastownPolicy implements PollPolicy {

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

    private final Strategy strategy;
    private final long baseUs;
    private final long maxUs;
    private final Ratio factor;
    private final long heartbeatUs;
    private long currentUs;
    private Rule rule = Rule.START;

    public GastownPolicy(Strategy strategy, long baseUs, long maxUs, Ratio factor, long heartbeatUs) {
        if (baseUs <= 0 || maxUs < baseUs || heartbeatUs <= 0) {
            throw new IllegalArgumentException("need 0 < base <= max and heartbeat > 0");
        }
        this.strategy = strategy;
        this.baseUs = baseUs;
        this.maxUs = maxUs;
        this.factor = factor;
        this.heartbeatUs = heartbeatUs;
        this.currentUs = baseUs;
    }

    /** The first poke happens on the first beat; beats are spread over one heartbeat. */
    @Override
    public long initialIntervalUs() {
        return heartbeatUs;
    }

    @Override
    public long onTick(long nowUs, TickOutcome outcome) {
        if (outcome.didWork()) {
            currentUs = baseUs;
            rule = Rule.ACTIVITY;
        } else {
            rule = Rule.MISS;
            switch (strategy) {
                case GEOMETRIC:
                    currentUs = factor.times(currentUs);
                    break;
                case EXPONENTIAL:
                    currentUs = TWO.times(currentUs);
                    break;
                case FIXED:
                default:
                    break;
            }
            currentUs = Math.min(currentUs, maxUs);
        }
        return nextBeatAtOrAfter(currentUs);
    }

    /** Steady when a miss no longer changes the interval: the fixed strategy, or at the cap. */
    @Override
    public long steadyIdlePeriodUs() {
        return strategy == Strategy.FIXED || currentUs == maxUs ? nextBeatAtOrAfter(currentUs) : 0L;
    }

    /** Worded on demand: a fleet holds a policy per loop, and only an explanation reads the words. */
    @Override
    public String rule() {
        String beat = ", on the next " + Durations.format(heartbeatUs) + " beat";
        String growth = strategy == Strategy.GEOMETRIC ? "x" + factor : strategy == Strategy.EXPONENTIAL ? "x2" : "fixed";
        return switch (rule) {
            case START -> "start";
            case ACTIVITY -> "activity: base " + Durations.format(baseUs) + beat;
            case MISS -> "miss: " + growth + " (max " + Durations.format(maxUs) + ")" + beat;
        };
    }

    /** The current interval, for tests and timelines. */
    public long currentIntervalUs() {
        return currentUs;
    }

    private long nextBeatAtOrAfter(long intervalUs) {
        long beats = (intervalUs + heartbeatUs - 1) / heartbeatUs;
        return Math.max(1, beats) * heartbeatUs;
    }

    /** The rule of the last decision. */
    private enum Rule {
        START, ACTIVITY, MISS
    }
}
