package dev.pollsim.sim.trace;

/** Which edge of its minute the timestamp of a per-minute row marks. */
public enum MinuteEdge {
    /** The row counts the jobs of [t, t + 1 min). */
    START("start"),
    /** The row counts the jobs of [t - 1 min, t), as in the Azure Functions traces. */
    END("end");

    private final String label;

    MinuteEdge(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The edge with this label. */
    public static MinuteEdge of(String label) {
        for (MinuteEdge e : values()) {
            if (e.label.equals(label)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown minute edge '" + label + "'; expected start or end");
    }
}
