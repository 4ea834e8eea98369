package dev.pollsim.policy.builtin;

import dev.pollsim.policy.LoopState;
import dev.pollsim.policy.PollPolicy;
import dev.pollsim.policy.TickOutcome;
import dev.pollsim.policy.WakeKind;

/**
 * The lower bound no real daemon reaches: a loop that sleeps until work becomes visible to it
 * and then polls at that very instant. It waits for nothing and makes one poll per moment work
 * appears (the world routes each such moment to one daemon with a free slot), so its wake
 * latency is zero and its requests are the fewest possible. Allocation-free, NOT thread-safe.
 */
public final class OraclePolicy implements PollPolicy {

    /** Unused: the oracle starts suspended. */
    private static final long NOMINAL_INTERVAL_US = 1_000_000L;

    static final String RULE_SLEEP = "sleep until work is visible";
    static final String RULE_POLL_NOW = "work visible: poll now";
    static final String RULE_IGNORED = "no visible work for it: ignored";

    private String rule = RULE_SLEEP;

    @Override
    public long initialIntervalUs() {
        return NOMINAL_INTERVAL_US;
    }

    @Override
    public boolean startsSuspended() {
        return true;
    }

    @Override
    public long onTick(long nowUs, TickOutcome outcome) {
        applied(RULE_SLEEP);
        return SUSPEND;
    }

    @Override
    public long onWake(long nowUs, WakeKind kind, LoopState state) {
        if (kind == WakeKind.WORK_VISIBLE && state == LoopState.SUSPENDED) {
            applied(RULE_POLL_NOW);
            return 0L;
        }
        applied(RULE_IGNORED);
        return KEEP;
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
}
