package dev.pollsim.policy;

/** Why a wake signal reached a loop. */
public enum WakeKind {
    /** A job was enqueued inside the daemon's own process (seed 001's wake bus). */
    LOCAL_ENQUEUE,
    /** A known deadline came: a failed job's retry time or a rate-limit resume time. */
    DEADLINE
}
