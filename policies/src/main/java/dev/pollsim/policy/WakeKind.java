package dev.pollsim.policy;

/** Why a wake signal reached a loop. */
public enum WakeKind {
    /** A job was enqueued inside the daemon's own process (seed 001's wake bus). */
    LOCAL_ENQUEUE,
    /** A known deadline came: a failed job's retry time or a rate-limit resume time. */
    DEADLINE,
    /**
     * Work became visible somewhere and this daemon has a free slot: an omniscient signal sent
     * only to policies whose factory {@linkplain PolicyFactory#hearsVisibleWork asks for it}.
     */
    WORK_VISIBLE
}
