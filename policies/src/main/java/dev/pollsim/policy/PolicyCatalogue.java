package dev.pollsim.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A fixed, ordered set of policy definitions, looked up by name. Some must be declared to run
 * (a composed policy has no parts until a scenario gives them): they are left out of
 * {@link #withDefaults()}, the set a scenario without {@code policies:} runs. Immutable.
 */
public final class PolicyCatalogue {

    private final Map<String, PolicyDefinition> byName;
    private final Set<String> declaredOnly;

    public PolicyCatalogue(List<PolicyDefinition> definitions) {
        this(definitions, Set.of());
    }

    /**
     * @param definitions every policy, in order
     * @param declaredOnly the names of those that run only when a scenario declares them
     */
    public PolicyCatalogue(List<PolicyDefinition> definitions, Set<String> declaredOnly) {
        Map<String, PolicyDefinition> map = new LinkedHashMap<>();
        for (PolicyDefinition d : definitions) {
            if (map.put(d.name(), d) != null) {
                throw new IllegalArgumentException("two policies named " + d.name());
            }
        }
        for (String name : declaredOnly) {
            if (!map.containsKey(name)) {
                throw new IllegalArgumentException("no policy named " + name);
            }
        }
        this.byName = map;
        this.declaredOnly = Set.copyOf(declaredOnly);
    }

    /** The definition with this name, if any. */
    public Optional<PolicyDefinition> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Every definition, in catalogue order. */
    public List<PolicyDefinition> all() {
        return List.copyOf(byName.values());
    }

    /**
     * The definitions that run with their defaults when a scenario names no policies, in
     * catalogue order: all but those that must be declared.
     */
    public List<PolicyDefinition> withDefaults() {
        return byName.values().stream().filter(d -> !declaredOnly.contains(d.name())).toList();
    }

    /** Every name, in catalogue order. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
