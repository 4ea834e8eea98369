package dev.pollsim.policy;

import dev.pollsim.policy.param.PolicyParams;

/**
 * Decides when one poll loop polls next.
 *
 * <p>A policy is a clock-free state machine: the simulator tells it what a tick found, that a
 * worker slot was freed, or that a wake signal arrived, and passes the current simulated time
 * in. The policy answers a delay in microseconds from that time, {@link #SUSPEND} (stop
 * re-arming until woken) or {@link #KEEP} (leave the pending poll as it is).
 *
 * <p>One instance serves one loop of one daemon. Implementations are NOT thread-safe and must
 * not allocate in {@link #onTick}, {@link #onSlotFreed} or {@link #onWake}: they run once per
 * simulated event.
 */
public interface PollPolicy {

    /** Answer of {@link #onTick}: stop re-arming the timer; only a wake re-arms the loop. */
    long SUSPEND = -1L;

    /** Answer of {@link #onSlotFreed} and {@link #onWake}: leave the pending poll untouched. */
    long KEEP = -2L;

    /** The interval the loop starts at; a fleet spreads first ticks uniformly over it. */
    long initialIntervalUs();

    /** Whether the loop starts suspended, waiting for a wake, instead of ticking. */
    default boolean startsSuspended() {
        return false;
    }

    /** The most jobs one tick may start, before free slots and queued jobs are counted. */
    default int batchLimit() {
        return Integer.MAX_VALUE;
    }

    /**
     * The pause before the next spawn when one tick starts several jobs (seed 004's 50-150 ms
     * jitter); 0 starts them all at the tick. Called between spawns, so it may draw jitter.
     */
    default long spawnGapUs() {
        return 0L;
    }

    /**
     * The next tick time the daemon itself would report (a status endpoint), for a tick that
     * answered {@code delayUs}; normally {@code nowUs + delayUs}. Seed 002 reported a due time
     * that disagreed with its scheduler.
     */
    default long reportedDueUs(long nowUs, long delayUs) {
        return nowUs + delayUs;
    }

    /**
     * Whether {@link #reportedDueUs} always answers the tick's own time, {@code nowUs + delayUs}:
     * then no tick is ever overdue, and the simulator may run idle ticks without asking.
     */
    default boolean duesAreTicks() {
        return true;
    }

    /**
     * The period of the policy's steady idle state, or 0 when it is not in one.
     *
     * <p>A policy is in a steady idle state when an idle tick (nothing dispatched, no freed slot,
     * not saturated, no error, no deadline) would answer exactly this delay and leave its state
     * exactly as it is, so that every further idle tick does the same. The simulator may then
     * skip such ticks in closed form until something happens to the loop; it calls this right
     * after {@link #onTick} answered. The default, 0, never allows skipping.
     */
    default long steadyIdlePeriodUs() {
        return 0L;
    }

    /**
     * A live config reload (seed 004's SIGHUP) changed some parameters; later ticks use them.
     * Policies with no hot fields ignore it.
     */
    default void reconfigure(PolicyParams params) {
        // no hot fields
    }

    /**
     * The rule behind this policy's last answer (to {@link #onTick}, {@link #onSlotFreed} or
     * {@link #onWake}), in a few words: {@code "idle x1.5 (cap 2m)"}, {@code "reset: work"},
     * {@code "429 backoff"}, {@code "suspend: idle 5m"}. Timelines such as {@code pollsim explain}
     * print it beside each decision. It is read on the hot path, so implementations return a
     * constant or a string built once when the policy is made, never one built per call; empty
     * when the policy does not say.
     */
    default String rule() {
        return "";
    }

    /**
     * A tick finished.
     *
     * @param nowUs simulated time of the decision, in microseconds
     * @param outcome what the tick found; reused by the caller, valid only during this call
     * @return the delay to the next tick in microseconds ({@code >= 0}), or {@link #SUSPEND}
     */
    long onTick(long nowUs, TickOutcome outcome);

    /**
     * A worker of this loop's daemon finished and freed its slot.
     *
     * @return a new delay from {@code nowUs} for the pending poll, or {@link #KEEP}
     */
    default long onSlotFreed(long nowUs, LoopState state) {
        return KEEP;
    }

    /**
     * A wake signal reached the loop.
     *
     * @return a new delay from {@code nowUs} for the pending poll, or {@link #KEEP}
     */
    default long onWake(long nowUs, WakeKind kind, LoopState state) {
        return KEEP;
    }
}
