package dev.pollsim.sim.scenario;

import dev.pollsim.policy.PolicyCatalogue;
import dev.pollsim.policy.PolicyDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks the policies of a run: the scenario's labels (or every built-in policy that runs with its
 * defaults when the scenario names none), narrowed by {@code --policy} and adjusted by
 * {@code --set}.
 */
public final class PolicySelection {

    private final PolicyCatalogue catalogue;

    public PolicySelection(PolicyCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * @param scenario the scenario
     * @param wanted labels or policy names to run; empty or {@code all} for every label
     * @param overrides {@code label.param=value} assignments
     * @return the resolved policies, in the order asked for (or scenario order)
     * @throws ScenarioException on an unknown label, parameter or value
     */
    public List<ResolvedPolicy> select(Scenario scenario, List<String> wanted, List<String> overrides) {
        return select(scenario, wanted, overrides, "--set");
    }

    /**
     * As {@link #select(Scenario, List, List)}, with messages naming {@code option} (such as
     * {@code --grid}) as where the overrides were written.
     */
    public List<ResolvedPolicy> select(Scenario scenario, List<String> wanted, List<String> overrides, String option) {
        Map<String, PolicySpec> available = new LinkedHashMap<>();
        if (scenario.policies().isEmpty()) {
            for (PolicyDefinition d : catalogue.withDefaults()) {
                available.put(d.name(), defaults(d.name(), scenario.source()));
            }
        } else {
            scenario.policies().forEach(p -> available.put(p.label(), p));
        }
        Map<String, PolicySpec> chosen = new LinkedHashMap<>();
        if (wanted.isEmpty() || wanted.equals(List.of("all"))) {
            chosen.putAll(available);
        } else {
            for (String w : wanted) {
                PolicySpec spec = available.get(w);
                if (spec == null && catalogue.find(w).isPresent()) {
                    spec = defaults(w, "--policy");
                }
                if (spec == null) {
                    throw new ScenarioException("--policy: unknown policy '" + w + "'; the scenario's labels are "
                            + String.join(", ", available.keySet()) + "; built-in policies are "
                            + String.join(", ", catalogue.names()));
                }
                chosen.put(w, spec);
            }
        }
        for (String o : overrides) {
            int eq = o.indexOf('=');
            int dot = labelEnd(o, eq, chosen.keySet());
            if (eq < 0 || dot <= 0 || dot + 1 >= eq) {
                throw new ScenarioException(option + " " + o + ": expected LABEL.PARAM=VALUE, such as exp-idle.cap=60s");
            }
            String label = o.substring(0, dot);
            String param = o.substring(dot + 1, eq);
            PolicySpec spec = chosen.get(label);
            if (spec == null) {
                throw new ScenarioException(option + " " + o + ": no policy labelled '" + label + "' in this run; labels are "
                        + String.join(", ", chosen.keySet()));
            }
            chosen.put(label, spec.with(param, new Located(o.substring(eq + 1), option + " " + o, 0, 0)));
        }
        List<ResolvedPolicy> out = new ArrayList<>();
        chosen.values().forEach(s -> out.add(s.resolve(catalogue)));
        return out;
    }

    /**
     * The label of {@code LABEL.PARAM=VALUE} (or of {@code LABEL.PARAM}) among {@code labels}, as
     * {@code --set} reads it: the longest of them followed by a dot, else what comes before the
     * last dot; null when there is no dot.
     */
    public static String labelOf(String assignment, Iterable<String> labels) {
        int end = labelEnd(assignment, assignment.indexOf('='), labels);
        return end > 0 ? assignment.substring(0, end) : null;
    }

    /**
     * Where the label of {@code LABEL.PARAM=VALUE} ends: after the longest run label followed by
     * a dot before the {@code =}, so that a part's field can be set ({@code mine.curve.factor=2});
     * with no such label, at the last dot before the {@code =}.
     */
    private static int labelEnd(String o, int eq, Iterable<String> labels) {
        int end = eq < 0 ? o.length() : eq;
        int best = -1;
        for (String label : labels) {
            if (label.length() + 1 < end && o.startsWith(label + ".") && label.length() > best) {
                best = label.length();
            }
        }
        return best > 0 ? best : o.lastIndexOf('.', end);
    }

    private static PolicySpec defaults(String name, String source) {
        Located where = new Located(name, source, 0, 0);
        return new PolicySpec(name, where, Map.of(), where);
    }
}
