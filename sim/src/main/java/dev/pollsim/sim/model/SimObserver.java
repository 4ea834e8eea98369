package dev.pollsim.sim.model;

import dev.pollsim.policy.LoopState;
import dev.pollsim.policy.TickOutcome;
import dev.pollsim.policy.WakeKind;

/**
 * Hears what happens to the loops of a run, for timelines ({@code pollsim explain}) and series.
 * Called on the hot path: an implementation must be cheap, must not keep the {@link TickOutcome}
 * it is handed (the flyweight is reused), and should filter early (by loop) before doing work.
 * Every method does nothing by default; {@link #NONE} ignores everything.
 */
public interface SimObserver {

    /** Ignores everything. */
    SimObserver NONE = new SimObserver() { };

    /**
     * A loop decided after a tick.
     *
     * @param loop the loop (daemon {@code loop / loopsPerDaemon})
     * @param nowUs the decision time
     * @param outcome what the tick found; valid only during the call
     * @param nextDelayUs the delay the policy answered, or a negative marker (suspend)
     */
    default void decided(int loop, long nowUs, TickOutcome outcome, long nextDelayUs) {}

    /**
     * A wake reached a loop.
     *
     * @param state the loop's state when the wake came
     * @param answerUs the policy's answer: a delay, or a negative marker (keep)
     */
    default void woke(int loop, long nowUs, WakeKind kind, LoopState state, long answerUs) {}

    /**
     * A worker of the loop's daemon finished.
     *
     * @param answerUs the policy's answer: a delay, or a negative marker (keep)
     */
    default void slotFreed(int loop, long nowUs, LoopState state, long answerUs) {}

    /**
     * A tick of {@code loop} started a worker.
     *
     * @param startUs when the worker started
     * @param waitedUs how long its job had been visible
     */
    default void spawned(int loop, long startUs, long waitedUs) {}

    /** Daemon {@code daemon} restarted. */
    default void restarted(int daemon, long nowUs) {}

    /** A config reload took effect. */
    default void reloaded(long nowUs) {}
}
