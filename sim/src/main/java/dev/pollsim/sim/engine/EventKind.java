package dev.pollsim.sim.engine;

/**
 * The kinds of event, numbered in the order they run when they fall on the same instant: job
 * arrivals, then worker completions, then wakes and config changes, then ticks. Within a kind,
 * events run in the order they were scheduled.
 */
public final class EventKind {

    /** A job becomes visible in the work queue. */
    public static final int ARRIVAL = 0;
    /** A worker finishes its job and frees its slot. */
    public static final int COMPLETION = 1;
    /** A wake signal, config reload, restart or other control event. */
    public static final int CONTROL = 2;
    /** A poll loop ticks. */
    public static final int TICK = 3;

    /** How many kinds there are. */
    public static final int COUNT = 4;

    private EventKind() {}

    /** The kind's name, for messages. */
    public static String name(int kind) {
        switch (kind) {
            case ARRIVAL:
                return "arrival";
            case COMPLETION:
                return "completion";
            case CONTROL:
                return "control";
            case TICK:
                return "tick";
            default:
                return "kind " + kind;
        }
    }
}
