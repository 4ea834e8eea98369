package dev.pollsim.policy.param;

/** The kinds of value a policy parameter takes, with how they are written. */
public enum ParamType {
    /** Exact microseconds, written {@code 10s}. */
    DURATION("duration"),
    /** An exact decimal factor, written {@code 1.5}. */
    FACTOR("number"),
    /** A whole number. */
    INTEGER("integer"),
    /** {@code true} or {@code false}. */
    BOOLEAN("true|false"),
    /** One of a fixed set of words. */
    CHOICE("choice"),
    /**
     * Some of a fixed set of words, written comma-separated ({@code work,wake}) or as a YAML list;
     * {@code none} (or nothing) is the empty list.
     */
    LIST("list");

    private final String label;

    ParamType(String label) {
        this.label = label;
    }

    /** How the type is named in help and docs. */
    public String label() {
        return label;
    }
}
