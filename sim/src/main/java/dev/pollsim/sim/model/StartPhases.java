package dev.pollsim.sim.model;

/** How the first ticks of a fleet's loops are placed. */
public enum StartPhases {
    /** Each loop's first tick at a seeded uniform point of its policy's initial interval. */
    SPREAD("spread"),
    /** Every loop ticks first at time zero; for hand-worked checks. */
    ALIGNED("aligned");

    private final String label;

    StartPhases(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static StartPhases of(String label) {
        for (StartPhases p : values()) {
            if (p.label.equals(label)) {
                return p;
            }
        }
        throw new IllegalArgumentException("expected spread or aligned, got '" + label + "'");
    }
}
