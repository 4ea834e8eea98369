package dev.pollsim.sim.scenario;

/**
 * A scenario that cannot be used: a message naming the file, line, column and field, and what
 * was expected. Thrown for bad input, never for a bug.
 */
public final class ScenarioException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ScenarioException(String message) {
        super(message);
    }

    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * A message in the form {@code file:line:column: field: what}.
     *
     * @param source the file or preset name
     * @param line 1-based line, or 0 when unknown
     * @param column 1-based column, or 0 when unknown
     * @param field the field path ({@code workload.ratePerHour}), or empty
     * @param what what is wrong and what was expected
     */
    public static ScenarioException at(String source, int line, int column, String field, String what) {
        StringBuilder b = new StringBuilder(source);
        if (line > 0) {
            b.append(':').append(line);
            if (column > 0) {
                b.append(':').append(column);
            }
        }
        b.append(": ");
        if (!field.isEmpty()) {
            b.append(field).append(": ");
        }
        return new ScenarioException(b.append(what).toString());
    }
}
