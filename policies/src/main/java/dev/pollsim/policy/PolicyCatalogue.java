package dev.pollsim.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A fixed, ordered set of policy definitions, looked up by name. Immutable. */
public final class PolicyCatalogue {

    private final Map<String, PolicyDefinition> byName;

    public PolicyCatalogue(List<PolicyDefinition> definitions) {
        Map<String, PolicyDefinition> map = new LinkedHashMap<>();
        for (PolicyDefinition d : definitions) {
            if (map.put(d.name(), d) != null) {
                throw new IllegalArgumentException("two policies named " + d.name());
            }
        }
        this.byName = map;
    }

    /** The definition with this name, if any. */
    public Optional<PolicyDefinition> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Every definition, in catalogue order. */
    public List<PolicyDefinition> all() {
        return List.copyOf(byName.values());
    }

    /** Every name, in catalogue order. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
