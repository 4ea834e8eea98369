package dev.pollsim.sim.workload;

/** Where a job is enqueued from, which decides whether a wake bus can ring. */
public enum Origin {
    /** Enqueued inside a daemon's own process: its wake bus can fire. */
    LOCAL("local"),
    /** Enqueued elsewhere: no in-process signal; only a poll finds it. */
    REMOTE("remote");

    private final String label;

    Origin(String label) {
        this.label = label;
    }

    /** The name used in scenario files and output. */
    public String label() {
        return label;
    }

    /** The origin with this label. */
    public static Origin of(String label) {
        for (Origin o : values()) {
            if (o.label.equals(label)) {
                return o;
            }
        }
        throw new IllegalArgumentException("expected local or remote, got '" + label + "'");
    }
}
