package dev.pollsim.policy.compose;

import dev.pollsim.policy.LoopState;
import dev.pollsim.policy.PollPolicy;
import dev.pollsim.policy.TickError;
import dev.pollsim.policy.TickOutcome;
import dev.pollsim.policy.WakeKind;
import dev.pollsim.policy.param.PolicyParams;
import java.util.random.RandomGenerator;

/**
 * One loop of a policy composed from parts ({@link Composition}). A tick is judged in this order:
 *
 * <ol>
 *   <li><b>error</b> (with the error backoff): {@code e = min(max(e x factor, min), cap)} for its
 *       kind, and the next poll is {@code e} later; the idle curve is untouched;
 *   <li><b>saturated</b> (no request was made): the saturation rule; the error backoff is not
 *       reset, since no request succeeded;
 *   <li><b>work</b> (a job started): the curve resets when work is a reset trigger, else holds;
 *   <li><b>freed slot</b> seen since the last tick, when it is a reset trigger: the curve resets;
 *   <li>otherwise the tick is <b>idle</b> (an error counts here when errors count as idle): after
 *       the suspend window without activity the loop suspends, else the curve grows.
 * </ol>
 *
 * <p>Any tick that made a request without error resets the error backoff to the floor. The delay
 * then gets its jitter, is clamped to the nearest known deadline when the clamp is on
 * ({@code min(d, max(deadline - now, floor))}), and starts after the tick's spawns. A wake from a
 * wake source resets the curve (when {@code wake} is a reset trigger) and re-arms the loop: at
 * once for a local enqueue or a retry deadline, at the floor for a freed slot; it brings a pending
 * poll forward and never postpones it, and a wake during an in-flight tick is kept and brings the
 * tick's own decision forward (never to a suspend) once its outcome is known. With
 * {@code wakeRearm: replace} (seed 000) a wake re-schedules the pending poll even later, and the
 * decision of a tick in flight wins over a wake that came during it.
 *
 * <p>Allocation-free in {@link #onTick}, {@link #onSlotFreed}, {@link #onWake} and
 * {@link #spawnGapUs}; NOT thread-safe.
 */
public final class ComposedPolicy implements PollPolicy {

    private static final long UNSET = Long.MIN_VALUE;
    private static final long NO_WAKE = -1L;

    private final Curve curve;
    private final long floorUs;
    private final long ceilingUs;
    private final Resets resets;
    private final Saturation saturation;
    private final boolean errorsAsIdle;
    private final ErrorBackoff rateLimited;
    private final ErrorBackoff other;
    private final Jitter jitter;
    private final JitterKind jitterKind;
    private final long suspendAfterUs;
    private final Wakes wakes;
    private final long clampFloorUs;
    private final long spawnJitterMinUs;
    private final long spawnJitterMaxUs;
    private final Rules rules;
    private final RandomGenerator random;

    private int batchSize;
    private long idleUs;
    private int streak;
    private long errorUs;
    private long previousIdleUs;
    private long previousErrorUs;
    private long idleSinceUs = UNSET;
    private long dueUs = Long.MAX_VALUE;
    private long pendingWakeUs = NO_WAKE;
    private int pendingWakeSource;
    private String rule = Rules.START;

    /**
     * @param composition the parts
     * @param rules the rule texts of these parts
     * @param random the loop's own seeded stream, for jitter and spawn gaps
     */
    ComposedPolicy(Composition composition, Rules rules, RandomGenerator random) {
        this.curve = composition.curve();
        this.floorUs = curve.floorUs();
        this.ceilingUs = curve.ceilingUs();
        this.resets = composition.resets();
        this.saturation = composition.saturation();
        this.errorsAsIdle = composition.errorsAsIdle();
        this.rateLimited = composition.rateLimited();
        this.other = composition.other();
        this.jitter = composition.jitter();
        this.jitterKind = jitter.kind();
        this.suspendAfterUs = composition.suspendAfterUs();
        this.wakes = composition.wakes();
        this.clampFloorUs = composition.deadlineClampFloorUs();
        this.spawnJitterMinUs = composition.batch().spawnJitterMinUs();
        this.spawnJitterMaxUs = composition.batch().spawnJitterMaxUs();
        this.batchSize = composition.batch().size();
        this.rules = rules;
        this.random = random;
        this.idleUs = floorUs;
        this.errorUs = floorUs;
        this.previousIdleUs = floorUs;
        this.previousErrorUs = floorUs;
    }

    @Override
    public long initialIntervalUs() {
        return floorUs;
    }

    @Override
    public int batchLimit() {
        return batchSize == 0 ? Integer.MAX_VALUE : batchSize;
    }

    /** Seed 004's pause between two spawns: uniform in {@code [min, max]}, one draw per gap. */
    @Override
    public long spawnGapUs() {
        return spawnJitterMinUs
                + (spawnJitterMaxUs == spawnJitterMinUs ? 0 : random.nextLong(spawnJitterMaxUs - spawnJitterMinUs + 1));
    }

    /** {@code batch.size} is hot: a config reload changes it for later ticks. */
    @Override
    public void reconfigure(PolicyParams params) {
        if (params.has(ComposedDefinition.BATCH_SIZE) && params.isSet(ComposedDefinition.BATCH_SIZE)) {
            batchSize = params.integer(ComposedDefinition.BATCH_SIZE);
        }
    }

    @Override
    public long onTick(long nowUs, TickOutcome outcome) {
        if (idleSinceUs == UNSET) {
            idleSinceUs = nowUs;
        }
        TickError error = outcome.error();
        if (error != TickError.NONE && !errorsAsIdle) {
            // the upstream asked for a pause: it wins over a wake heard during the tick
            pendingWakeUs = NO_WAKE;
            return due(nowUs, outcome.busyUs() + errorDelayUs(error));
        }
        long delay = decide(nowUs, outcome, error);
        if (pendingWakeUs != NO_WAKE) {
            long woken = outcome.busyUs() + pendingWakeUs;
            if (delay == SUSPEND || delay > woken) {
                delay = woken;
                applied(rules.afterTick[pendingWakeSource]);
            }
            pendingWakeUs = NO_WAKE;
        }
        if (delay == SUSPEND) {
            dueUs = Long.MAX_VALUE;
            return SUSPEND;
        }
        return due(nowUs, delay);
    }

    /** The decision of a tick that met no error with the error backoff: saturation, work, reset or idle. */
    private long decide(long nowUs, TickOutcome outcome, TickError error) {
        if (outcome.saturated()) {
            switch (saturation) {
                case RESET:
                    resetCurve(nowUs);
                    break;
                case GROW:
                    grow();
                    break;
                case HOLD:
                default:
                    break;
            }
            applied(rules.saturated);
            return outcome.busyUs() + idleDelayUs(nowUs, outcome.deadlineUs());
        }
        if (error == TickError.NONE) {
            errorUs = floorUs;
            previousErrorUs = floorUs;
        }
        if (outcome.dispatched() > 0) {
            idleSinceUs = nowUs;
            if (resets.work()) {
                resetCurve(nowUs);
                applied(rules.resetWork);
            } else {
                applied(rules.workHold);
            }
        } else if (outcome.slotsFreed() > 0 && resets.freedSlot()) {
            resetCurve(nowUs);
            applied(rules.resetFreedSlot);
        } else {
            if (suspendAfterUs > 0 && nowUs - idleSinceUs >= suspendAfterUs) {
                applied(rules.suspend);
                return SUSPEND;
            }
            grow();
            applied(idleUs >= ceilingUs ? rules.atCap : rules.grow);
        }
        return outcome.busyUs() + idleDelayUs(nowUs, outcome.deadlineUs());
    }

    @Override
    public long onSlotFreed(long nowUs, LoopState state) {
        if (!wakes.freedSlot()) {
            applied(rules.notASource[Rules.FREED_SLOT]);
            return KEEP;
        }
        return wake(nowUs, state, floorUs, Rules.FREED_SLOT);
    }

    @Override
    public long onWake(long nowUs, WakeKind kind, LoopState state) {
        switch (kind) {
            case LOCAL_ENQUEUE:
                if (wakes.localEnqueue()) {
                    return wake(nowUs, state, 0L, Rules.LOCAL_ENQUEUE);
                }
                applied(rules.notASource[Rules.LOCAL_ENQUEUE]);
                return KEEP;
            case DEADLINE:
                if (wakes.retryDeadline()) {
                    return wake(nowUs, state, 0L, Rules.RETRY_DEADLINE);
                }
                applied(rules.notASource[Rules.RETRY_DEADLINE]);
                return KEEP;
            case WORK_VISIBLE:
            default:
                applied(rules.notASource[Rules.WORK_VISIBLE]);
                return KEEP;
        }
    }

    /**
     * Notes the rule of a decision, storing only a change: a reference stored into a long-lived
     * policy pays the collector's write barrier, on every tick of every loop.
     */
    private void applied(String r) {
        if (rule != r) {
            rule = r;
        }
    }

    @Override
    public String rule() {
        return rule;
    }

    /** The current idle delay before jitter, for tests and timelines. */
    public long idleDelayUs() {
        return idleUs;
    }

    /** The current error backoff before jitter, for tests and timelines. */
    public long errorBackoffUs() {
        return errorUs;
    }

    private long wake(long nowUs, LoopState state, long delayUs, int source) {
        if (idleSinceUs == UNSET) {
            idleSinceUs = nowUs;
        }
        if (resets.wake()) {
            resetCurve(nowUs);
        }
        switch (state) {
            case IN_FLIGHT:
                if (!wakes.replace() && (pendingWakeUs == NO_WAKE || delayUs < pendingWakeUs)) {
                    pendingWakeUs = delayUs;
                    pendingWakeSource = source;
                }
                applied(rules.inFlight[source]);
                return KEEP;
            case SUSPENDED:
                idleSinceUs = nowUs;
                applied(rules.resume[source]);
                return due(nowUs, delayUs);
            case WAITING:
            default:
                if (!wakes.replace() && dueUs - nowUs <= delayUs) {
                    applied(rules.soonerKept[source]);
                    return KEEP;
                }
                applied(rules.rearm[source]);
                return due(nowUs, delayUs);
        }
    }

    private void resetCurve(long nowUs) {
        idleUs = floorUs;
        streak = 0;
        previousIdleUs = floorUs;
        idleSinceUs = nowUs;
    }

    private void grow() {
        if (streak < curve.maxStreak()) {
            streak++;
        }
        idleUs = curve.grownUs(idleUs, streak);
    }

    /** The idle delay with its jitter, clamped to the nearest known deadline when asked. */
    private long idleDelayUs(long nowUs, long deadlineUs) {
        long delay;
        if (jitterKind == JitterKind.DECORRELATED) {
            previousIdleUs = Jitter.decorrelated(floorUs, ceilingUs, previousIdleUs, random);
            delay = previousIdleUs;
        } else {
            delay = jitter.spread(idleUs, random);
        }
        if (clampFloorUs != Composition.NO_CLAMP && deadlineUs != TickOutcome.NO_DEADLINE && deadlineUs > nowUs) {
            long clamped = Math.max(deadlineUs - nowUs, clampFloorUs);
            if (clamped < delay) {
                applied(rules.deadlineClamp);
                return clamped;
            }
        }
        return delay;
    }

    private long errorDelayUs(TickError error) {
        ErrorBackoff b;
        if (error == TickError.RATE_LIMITED) {
            b = rateLimited;
            applied(rules.rateLimited);
        } else {
            b = other;
            applied(rules.otherError);
        }
        errorUs = b.nextUs(errorUs);
        if (jitterKind == JitterKind.DECORRELATED) {
            previousErrorUs = Jitter.decorrelated(Math.max(b.minUs(), floorUs), b.capUs(), previousErrorUs, random);
            return previousErrorUs;
        }
        return jitter.spread(errorUs, random);
    }

    /** Remembers when the answered delay falls due, so that a wake only ever brings it forward. */
    private long due(long nowUs, long delayUs) {
        dueUs = nowUs + delayUs;
        return delayUs;
    }
}
