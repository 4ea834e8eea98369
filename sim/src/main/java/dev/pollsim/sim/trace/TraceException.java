package dev.pollsim.sim.trace;

/**
 * A trace that cannot be replayed: a message naming the file, the line, the column and the value
 * as written, and what was expected. Thrown for bad input, never for a bug.
 */
public final class TraceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The longest value quoted in a message; longer ones are cut with an ellipsis. */
    static final int MAX_QUOTED_CHARS = 60;

    public TraceException(String message) {
        super(message);
    }

    public TraceException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * A message in the form {@code file:line: column 'name': what}.
     *
     * @param file the trace file as given
     * @param line 1-based line, or 0 for the whole file
     * @param column the column (or JSON field) name, or {@code null}
     * @param what what is wrong and what was expected
     */
    public static TraceException at(String file, long line, String column, String what) {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) {
            b.append(':').append(line);
        }
        b.append(": ");
        if (column != null) {
            b.append("column '").append(column).append("': ");
        }
        return new TraceException(b.append(what).toString());
    }

    /** The value quoted for a message: {@code 'text'}, cut when long. */
    static String quote(CharSequence text) {
        if (text.length() > MAX_QUOTED_CHARS) {
            return "'" + text.subSequence(0, MAX_QUOTED_CHARS) + "...'";
        }
        return "'" + text + "'";
    }
}
