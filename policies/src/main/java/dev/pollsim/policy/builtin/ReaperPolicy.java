package dev.pollsim.policy.builtin;

import dev.pollsim.policy.LoopState;
import dev.pollsim.policy.PollPolicy;
import dev.pollsim.policy.TickOutcome;
import dev.pollsim.policy.WakeKind;

/**
 * Seed 001's job-queue reaper: it sweeps for expired leases every {@code interval} and takes no
 * job. After {@code idleSweeps} consecutive sweeps that saw no queued and no leased work it
 * stops re-arming (a queued job counts as work, so it never sleeps between an enqueue and the
 * lease; the threshold above one absorbs a single stale read). Any wake re-arms it at its
 * interval. Allocation-free, NOT thread-safe.
 */
public final class ReaperPolicy implements PollPolicy {

    public static final long DEFAULT_INTERVAL_US = 30_000_000L;
    public static final int DEFAULT_IDLE_SWEEPS = 2;

    static final String RULE_START = "start";
    static final String RULE_SWEEP_BUSY = "sweep: work pending";
    static final String RULE_SWEEP_IDLE = "sweep: nothing pending";
    static final String RULE_WORK_VISIBLE = "work visible: ignored";
    static final String RULE_WAKE_REARM = "wake: re-arm";
    static final String RULE_WAKE_KEEP = "wake: keep";

    private final long intervalUs;
    private final int idleSweepsToSuspend;
    private int idleSweeps;
    private Rule rule = Rule.START;

    /**
     * @param intervalUs time between sweeps
     * @param idleSweepsToSuspend consecutive idle sweeps before suspending; 0 never suspends
     */
    public ReaperPolicy(long intervalUs, int idleSweepsToSuspend) {
        if (intervalUs <= 0) {
            throw new IllegalArgumentException("interval must be positive");
        }
        this.intervalUs = intervalUs;
        this.idleSweepsToSuspend = idleSweepsToSuspend;
    }

    @Override
    public long initialIntervalUs() {
        return intervalUs;
    }

    @Override
    public int batchLimit() {
        return 0;
    }

    @Override
    public long onTick(long nowUs, TickOutcome outcome) {
        idleSweeps = outcome.pendingWork() > 0 ? 0 : idleSweeps + 1;
        if (idleSweepsToSuspend > 0 && idleSweeps >= idleSweepsToSuspend) {
            applied(Rule.SUSPEND);
            return SUSPEND;
        }
        applied(idleSweeps == 0 ? Rule.SWEEP_BUSY : Rule.SWEEP_IDLE);
        return intervalUs;
    }

    @Override
    public long onWake(long nowUs, WakeKind kind, LoopState state) {
        if (kind == WakeKind.WORK_VISIBLE) {
            applied(Rule.WORK_VISIBLE);
            return KEEP;
        }
        idleSweeps = 0;
        if (state == LoopState.SUSPENDED) {
            applied(Rule.WAKE_REARM);
            return intervalUs;
        }
        applied(Rule.WAKE_KEEP);
        return KEEP;
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
            case SWEEP_BUSY -> RULE_SWEEP_BUSY;
            case SWEEP_IDLE -> RULE_SWEEP_IDLE;
            case WORK_VISIBLE -> RULE_WORK_VISIBLE;
            case WAKE_REARM -> RULE_WAKE_REARM;
            case WAKE_KEEP -> RULE_WAKE_KEEP;
            case SUSPEND -> "suspend: " + idleSweepsToSuspend + " idle sweeps";
        };
    }

    /** The rule of the last decision. */
    private enum Rule {
        START, SWEEP_BUSY, SWEEP_IDLE, WORK_VISIBLE, WAKE_REARM, WAKE_KEEP, SUSPEND
    }
}
