package dev.pollsim.policy;

/** Where a poll loop stands when a slot frees or a wake arrives. */
public enum LoopState {
    /** A tick is scheduled. */
    WAITING,
    /** The loop stopped re-arming its timer; nothing is scheduled. */
    SUSPENDED,
    /** A tick's request is under way; its decision is still to come. */
    IN_FLIGHT
}
