package dev.pollsim.sim.scenario;

/**
 * A value written in a scenario file (or on the command line) with where it was written, so that
 * a later check can point at it.
 *
 * @param text the scalar as written
 * @param source the file, preset or {@code --set}
 * @param line 1-based line, 0 when not from a file
 * @param column 1-based column, 0 when not from a file
 */
public record Located(String text, String source, int line, int column) {

    /** An error about this value, pointing at it. */
    public ScenarioException error(String field, String what) {
        return ScenarioException.at(source, line, column, field, what);
    }
}
