package dev.pollsim.sim.explain;

import dev.pollsim.policy.LoopState;
import dev.pollsim.policy.TickError;
import dev.pollsim.policy.WakeKind;

/**
 * One event of a daemon's timeline. Immutable.
 */
public sealed interface TimelineEvent {

    /** When it happened, in microseconds from the scenario start. */
    long atUs();

    /** The loop it happened to, or {@code null} for an event of the whole daemon. */
    String loop();

    /**
     * A tick decided.
     *
     * @param dispatched jobs it started
     * @param slotsFreed workers of the daemon that finished since the loop's previous tick
     * @param saturated every slot was busy, so it made no request
     * @param error the upstream error it met
     * @param pendingWork jobs still queued where the loop looks (a reaper: queued and running)
     * @param busyUs time spent starting jobs, before the loop sleeps
     * @param deadlineUs the nearest deadline the tick was told of (possibly past), or
     *     {@link dev.pollsim.policy.TickOutcome#NO_DEADLINE}
     * @param nextDelayUs the delay answered, or {@link dev.pollsim.policy.PollPolicy#SUSPEND}
     * @param reaper whether the loop is a reaper (its ticks are sweeps)
     * @param rule the rule behind the answer
     */
    record Tick(long atUs, String loop, int dispatched, int slotsFreed, boolean saturated, TickError error,
            int pendingWork, long busyUs, long deadlineUs, long nextDelayUs, boolean reaper, String rule)
            implements TimelineEvent {}

    /**
     * A wake reached a loop.
     *
     * @param kind why
     * @param state where the loop stood
     * @param nextDelayUs the delay answered, or {@link dev.pollsim.policy.PollPolicy#KEEP}
     * @param rule the rule behind the answer
     */
    record Wake(long atUs, String loop, WakeKind kind, LoopState state, long nextDelayUs, String rule)
            implements TimelineEvent {}

    /**
     * A worker of the daemon finished; each loop heard it.
     *
     * @param state where the loop stood
     * @param nextDelayUs the delay answered, or {@link dev.pollsim.policy.PollPolicy#KEEP}
     * @param rule the rule behind the answer
     */
    record SlotFreed(long atUs, String loop, LoopState state, long nextDelayUs, String rule)
            implements TimelineEvent {}

    /**
     * A tick of the loop started a worker.
     *
     * @param waitedUs how long its job had been visible
     */
    record Spawn(long atUs, String loop, long waitedUs) implements TimelineEvent {}

    /** The daemon restarted: its loops' memory is lost. */
    record Restart(long atUs) implements TimelineEvent {
        @Override
        public String loop() {
            return null;
        }
    }

    /** A config reload took effect. */
    record Reload(long atUs) implements TimelineEvent {
        @Override
        public String loop() {
            return null;
        }
    }
}
