package dev.pollsim.policy.builtin;

import dev.pollsim.policy.LoopState;
import dev.pollsim.policy.PollPolicy;
import dev.pollsim.policy.PolicyFactory;
import dev.pollsim.policy.TickOutcome;
import dev.pollsim.policy.WakeKind;
import dev.pollsim.policy.param.Durations;
import dev.pollsim.policy.param.Ratio;
import java.util.random.RandomGenerator;

/**
 * A kind-worker poll loop of seed 001 (PR #185, {@code poll-backoff.ts} and {@code poll-loop.ts}):
 * adaptive backoff to a ceiling, then hibernation.
 *
 * <ul>
 *   <li>A lease resets the step to the floor and clears the idle accumulator; an empty lease (or
 *       an upstream error) adds the un-jittered step just waited to the accumulator and grows the
 *       step x2 up to the ceiling; a saturated tick leases nothing and changes nothing.
 *   <li>When the accumulator reaches the suspend window (300 s) the loop stops re-arming its
 *       timer: {@link #SUSPEND}.
 *   <li>A wake (the wake bus rung by a {@code local} enqueue, or a retry deadline) resets the step
 *       and the accumulator; a suspended loop re-arms at the floor, a backed-off loop whose timer
 *       is due later than one floor away is pulled back to the floor (a timer already due sooner
 *       is kept, so a stream of wakes never postpones a poll), and a wake during an in-flight
 *       tick is kept and re-applied once the tick's outcome is recorded.
 *   <li>Jitter only shortens a step, by up to {@code jitterPercent}: a woken loop polls within
 *       one floor interval and the ceiling stays a ceiling.
 * </ul>
 *
 * <p>{@link Flaws} reintroduces one review finding of the PR each, for the named variants.
 * Allocation-free, NOT thread-safe.
 */
public final class HibernatePolicy implements PollPolicy {

    public static final long DEFAULT_FLOOR_US = 1_000_000L;
    public static final long DEFAULT_CEILING_US = 30_000_000L;
    public static final String DEFAULT_MULTIPLIER = "2";
    public static final int DEFAULT_JITTER_PERCENT = 20;
    public static final long DEFAULT_SUSPEND_AFTER_US = 300_000_000L;

    static final String RULE_START = "start";
    static final String RULE_SATURATED = "saturated: hold";
    static final String RULE_WORK_VISIBLE = "work visible: ignored";
    static final String RULE_WAKE_DEFERRED = "wake in flight: re-applied after the tick";
    static final String RULE_WAKE_LOST = "wake in flight: lost to the tick's outcome (review finding)";
    static final String RULE_WAKE_KEPT_BACKED_OFF = "wake: a backed-off loop keeps its timer (review finding)";
    static final String RULE_WAKE_SOONER_KEPT = "wake: sooner poll kept";

    /**
     * The backoff and hibernation settings of a worker loop.
     *
     * @param floorUs the fast cadence a lease or wake returns to
     * @param ceilingUs the longest step
     * @param multiplier growth of the step per empty lease
     * @param jitterPercent how much shorter than its step a wait may be, 0..100
     * @param suspendAfterUs idle window of summed un-jittered steps; 0 never suspends
     */
    public record Backoff(long floorUs, long ceilingUs, Ratio multiplier, int jitterPercent, long suspendAfterUs) {
        public Backoff {
            if (floorUs <= 0 || ceilingUs < floorUs) {
                throw new IllegalArgumentException("need 0 < floor <= ceiling");
            }
            if (jitterPercent < 0 || jitterPercent > 100) {
                throw new IllegalArgumentException("jitterPercent must be 0..100");
            }
            if (suspendAfterUs < 0) {
                throw new IllegalArgumentException("suspendAfter must be >= 0");
            }
        }
    }

    /**
     * The review findings of seed 001 that live in the poll loop, each off in {@code hibernate}
     * and on in one variant (the other two, missing retry wakes and retry wakes lost on restart,
     * live in the job queue: see {@link PolicyFactory}).
     *
     * @param wakeRearmsSuspendedOnly a wake re-arms only a fully suspended loop; a backed-off
     *     loop keeps its long timer (first review, poll-loop.ts)
     * @param losesInFlightWake a wake during an in-flight tick is overwritten by that tick's empty
     *     outcome (second review, poll-loop.ts)
     */
    public record Flaws(boolean wakeRearmsSuspendedOnly, boolean losesInFlightWake) {
        /** Every finding fixed. */
        public static final Flaws NONE = new Flaws(false, false);
    }

    private final Backoff config;
    private final Flaws flaws;
    private final RandomGenerator jitter;


    private long stepUs;
    private long idleUs;
    private boolean pendingWake;
    private long dueUs = Long.MAX_VALUE;
    private Rule rule = Rule.START;

    public HibernatePolicy(Backoff config, Flaws flaws, RandomGenerator jitter) {
        this.config = config;
        this.flaws = flaws;
        this.jitter = jitter;
        this.stepUs = config.floorUs();
    }

    @Override
    public long initialIntervalUs() {
        return config.floorUs();
    }

    @Override
    public long onTick(long nowUs, TickOutcome outcome) {
        if (outcome.dispatched() > 0) {
            stepUs = config.floorUs();
            idleUs = 0;
            applied(Rule.LEASE);
        } else if (!outcome.saturated()) {
            idleUs += stepUs;
            stepUs = Math.min(config.multiplier().times(stepUs), config.ceilingUs());
            applied(Rule.EMPTY_LEASE);
        } else {
            applied(Rule.SATURATED);
        }
        if (pendingWake) {
            pendingWake = false;
            stepUs = config.floorUs();
            idleUs = 0;
            applied(Rule.WAKE_IN_FLIGHT_APPLIED);
        }
        if (config.suspendAfterUs() > 0 && idleUs >= config.suspendAfterUs()) {
            dueUs = Long.MAX_VALUE;
            applied(Rule.SUSPEND);
            return SUSPEND;
        }
        return due(nowUs, jittered(stepUs));
    }

    @Override
    public long onWake(long nowUs, WakeKind kind, LoopState state) {
        if (kind == WakeKind.WORK_VISIBLE) {
            applied(Rule.WORK_VISIBLE);
            return KEEP;
        }
        stepUs = config.floorUs();
        idleUs = 0;
        switch (state) {
            case IN_FLIGHT:
                pendingWake = !flaws.losesInFlightWake();
                applied(pendingWake ? Rule.WAKE_DEFERRED : Rule.WAKE_LOST);
                return KEEP;
            case SUSPENDED:
                applied(Rule.WAKE_REARM);
                return due(nowUs, jittered(stepUs));
            case WAITING:
            default:
                if (flaws.wakeRearmsSuspendedOnly()) {
                    applied(Rule.WAKE_KEPT_BACKED_OFF);
                    return KEEP;
                }
                if (dueUs - nowUs <= stepUs) {
                    applied(Rule.WAKE_SOONER_KEPT);
                    return KEEP;
                }
                applied(Rule.WAKE_PULL_BACK);
                return due(nowUs, jittered(stepUs));
        }
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
        String jitterNote = config.jitterPercent() == 0 ? "" : ", jitter -" + config.jitterPercent() + "%";
        String floor = Durations.format(config.floorUs());
        return switch (rule) {
            case START -> RULE_START;
            case SATURATED -> RULE_SATURATED;
            case WORK_VISIBLE -> RULE_WORK_VISIBLE;
            case WAKE_DEFERRED -> RULE_WAKE_DEFERRED;
            case WAKE_LOST -> RULE_WAKE_LOST;
            case WAKE_KEPT_BACKED_OFF -> RULE_WAKE_KEPT_BACKED_OFF;
            case WAKE_SOONER_KEPT -> RULE_WAKE_SOONER_KEPT;
            case LEASE -> "lease: floor " + floor + jitterNote;
            case EMPTY_LEASE -> "empty lease x" + config.multiplier() + " (ceiling " + Durations.format(config.ceilingUs())
                    + ")" + jitterNote;
            case WAKE_IN_FLIGHT_APPLIED -> "wake during the tick: floor " + floor + jitterNote;
            case SUSPEND -> "suspend: idle " + Durations.format(config.suspendAfterUs());
            case WAKE_REARM -> "wake: re-arm at floor " + floor + jitterNote;
            case WAKE_PULL_BACK -> "wake: pull back to floor " + floor + jitterNote;
        };
    }

    /** The current un-jittered step, for tests and timelines. */
    public long stepUs() {
        return stepUs;
    }

    /** The idle time accumulated towards the suspend window. */
    public long idleUs() {
        return idleUs;
    }

    /** Remembers when the answered delay falls due, so that a later wake only ever pulls it in. */
    private long due(long nowUs, long delayUs) {
        dueUs = nowUs + delayUs;
        return delayUs;
    }

    private long jittered(long step) {
        if (config.jitterPercent() == 0) {
            return step;
        }
        return step - (long) (jitter.nextDouble() * step * config.jitterPercent() / 100);
    }

    /** The rule of the last decision. */
    private enum Rule {
        START, SATURATED, WORK_VISIBLE, WAKE_DEFERRED, WAKE_LOST, WAKE_KEPT_BACKED_OFF, WAKE_SOONER_KEPT, LEASE,
        EMPTY_LEASE, WAKE_IN_FLIGHT_APPLIED, SUSPEND, WAKE_REARM, WAKE_PULL_BACK
    }
}
