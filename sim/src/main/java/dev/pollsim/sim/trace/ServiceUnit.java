package dev.pollsim.sim.trace;

import java.util.Arrays;
import java.util.List;

/** The unit of a service-time column. */
public enum ServiceUnit {
    US("us", 1L),
    MS("ms", 1_000L),
    S("s", 1_000_000L),
    M("m", 60_000_000L),
    H("h", 3_600_000_000L);

    /** The labels, as written in scenario files and on the command line. */
    public static final List<String> LABELS = Arrays.stream(values()).map(ServiceUnit::label).toList();

    private final String label;
    private final long micros;

    ServiceUnit(String label, long micros) {
        this.label = label;
        this.micros = micros;
    }

    public String label() {
        return label;
    }

    /** One unit, in microseconds. */
    public long micros() {
        return micros;
    }

    /** The unit with this label. */
    public static ServiceUnit of(String label) {
        for (ServiceUnit u : values()) {
            if (u.label.equals(label)) {
                return u;
            }
        }
        throw new IllegalArgumentException("unknown unit '" + label + "'; expected one of " + String.join(", ", LABELS));
    }
}
