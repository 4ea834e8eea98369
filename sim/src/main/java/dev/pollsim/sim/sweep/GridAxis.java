package dev.pollsim.sim.sweep;

import dev.pollsim.sim.scenario.PolicySelection;
import dev.pollsim.sim.scenario.ScenarioException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * One axis of a sweep grid, {@code --grid LABEL.PARAM=V1,V2,...}: the values one parameter of one
 * policy label takes. Parsed, the label and parameter are split at the last dot before the
 * {@code =}; against a scenario's labels, {@link #within} splits them as {@code --set} does, after
 * the longest label (a composed part's field: {@code mine.curve.cap}). The values are checked
 * later, against the scenario, by the same path as {@code --set}.
 *
 * @param label the policy label (of the scenario, or a built-in policy name)
 * @param param the parameter
 * @param values the values as written, in order, at least one
 * @param written the whole option value, for messages
 */
public record GridAxis(String label, String param, List<String> values, String written) {

    public GridAxis {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(param, "param");
        values = List.copyOf(values);
        Objects.requireNonNull(written, "written");
    }

    /**
     * Parses {@code LABEL.PARAM=V1,V2,...}.
     *
     * @throws ScenarioException naming {@code --grid} and the value when the syntax is wrong
     */
    public static GridAxis parse(String text) {
        int eq = text.indexOf('=');
        int dot = text.lastIndexOf('.', eq < 0 ? text.length() : eq);
        if (eq < 0 || dot <= 0 || dot + 1 >= eq) {
            throw new ScenarioException("--grid " + text + ": expected LABEL.PARAM=V1,V2,..., such as"
                    + " exp-idle.cap=30s,60s,120s");
        }
        List<String> values = new ArrayList<>();
        for (String v : text.substring(eq + 1).split(",", -1)) {
            if (v.isBlank()) {
                throw new ScenarioException("--grid " + text + ": empty value; expected LABEL.PARAM=V1,V2,...,"
                        + " such as exp-idle.cap=30s,60s,120s");
            }
            values.add(v.trim());
        }
        return new GridAxis(text.substring(0, dot), text.substring(dot + 1, eq), values, text);
    }

    /**
     * This axis with its label the longest of {@code labels} its {@code LABEL.PARAM} starts with,
     * followed by a dot ({@code mine.curve.cap}: label {@code mine}, parameter {@code curve.cap});
     * as parsed when none does.
     */
    public GridAxis within(Collection<String> labels) {
        String key = key();
        String l = PolicySelection.labelOf(key, labels);
        return l == null || l.equals(label) ? this : new GridAxis(l, key.substring(l.length() + 1), values, written);
    }

    /** {@code LABEL.PARAM}. */
    public String key() {
        return label + "." + param;
    }
}
