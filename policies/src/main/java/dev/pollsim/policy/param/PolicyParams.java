package dev.pollsim.policy.param;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The resolved parameters of one policy: every declared parameter with its default or the value
 * given, parsed and checked. A parameter with no default that was not given is unset. The
 * parameters the user wrote are remembered, so that a policy can refuse a part that contradicts
 * another. Immutable.
 */
public final class PolicyParams {

    private final Set<String> declared;
    private final Map<String, Object> values;
    private final Map<String, String> written;
    private final Set<String> given;

    private PolicyParams(Set<String> declared, Map<String, Object> values, Map<String, String> written,
            Set<String> given) {
        this.declared = declared;
        this.values = values;
        this.written = written;
        this.given = given;
    }

    /**
     * Resolves the given values against the declared parameters.
     *
     * @param specs the parameters a policy declares
     * @param given the values written by the user, by parameter name
     * @throws ParamException on an unknown parameter or a malformed value
     */
    public static PolicyParams resolve(List<ParamSpec> specs, Map<String, String> given) {
        Map<String, ParamSpec> byName = new LinkedHashMap<>();
        specs.forEach(s -> byName.put(s.name(), s));
        for (String name : given.keySet()) {
            if (!byName.containsKey(name)) {
                throw new ParamException(name, unknown(name, byName.keySet()));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> written = new LinkedHashMap<>();
        for (ParamSpec spec : specs) {
            String raw = given.get(spec.name());
            if (raw == null && !spec.hasDefault()) {
                continue;
            }
            Object value = spec.parse(raw == null ? spec.defaultValue() : raw);
            values.put(spec.name(), value);
            written.put(spec.name(), canonical(value));
        }
        return new PolicyParams(Collections.unmodifiableSet(new LinkedHashSet<>(byName.keySet())),
                Collections.unmodifiableMap(values), Collections.unmodifiableMap(written),
                Collections.unmodifiableSet(new LinkedHashSet<>(given.keySet())));
    }

    /** A duration parameter, in microseconds. */
    public long micros(String name) {
        return (Long) get(name);
    }

    /** A factor parameter. */
    public Ratio factor(String name) {
        return (Ratio) get(name);
    }

    /** A whole-number parameter. */
    public int integer(String name) {
        return (Integer) get(name);
    }

    /** A boolean parameter. */
    public boolean flag(String name) {
        return (Boolean) get(name);
    }

    /** A choice parameter. */
    public String choice(String name) {
        return (String) get(name);
    }

    /** A list parameter: the words written, in order, each once. */
    @SuppressWarnings("unchecked")
    public List<String> list(String name) {
        return (List<String>) get(name);
    }

    /** Whether the policy declares this parameter (set or not). */
    public boolean has(String name) {
        return declared.contains(name);
    }

    /** Whether the parameter has a value: written, or defaulted. */
    public boolean isSet(String name) {
        return values.containsKey(name);
    }

    /** Whether the user wrote this parameter (in a scenario, {@code --set} or a reload). */
    public boolean isGiven(String name) {
        return given.contains(name);
    }

    /** These parameters with some replaced, as written; checked like the originals. */
    public PolicyParams with(List<ParamSpec> specs, Map<String, String> changes) {
        Map<String, String> merged = new LinkedHashMap<>();
        written.forEach((k, v) -> {
            if (given.contains(k)) {
                merged.put(k, v);
            }
        });
        merged.putAll(changes);
        return resolve(specs, merged);
    }

    /**
     * Every set parameter in canonical form ({@code 10s}, {@code 1.5}, {@code work,wake}), in
     * declaration order; for reports. Canonical forms parse back to the same values.
     */
    public Map<String, String> asWritten() {
        return written;
    }

    private static String canonical(Object value) {
        if (value instanceof Long) {
            return Durations.format((Long) value);
        }
        if (value instanceof List) {
            List<?> words = (List<?>) value;
            StringBuilder b = new StringBuilder();
            for (Object w : words) {
                b.append(b.length() == 0 ? "" : ",").append(w);
            }
            return words.isEmpty() ? ParamSpec.EMPTY_LIST : b.toString();
        }
        return value.toString();
    }

    /**
     * Names an unknown parameter and what was expected. Dotted names are the fields of a part
     * ({@code curve.floor}), so a misspelt field lists the fields of its part, and a part written
     * as a single value says that it takes a map.
     */
    private static String unknown(String name, Set<String> known) {
        if (!known.isEmpty() && hasGroup(known, name)) {
            return "'" + name + "' takes a map of " + String.join(", ", nextSegments(known, name + "."));
        }
        for (int dot = name.lastIndexOf('.'); dot > 0; dot = name.lastIndexOf('.', dot - 1)) {
            String group = name.substring(0, dot);
            if (hasGroup(known, group)) {
                return "unknown field '" + name.substring(dot + 1) + "' of " + group + "; expected one of "
                        + String.join(", ", nextSegments(known, group + "."));
            }
        }
        return "unknown parameter '" + name + "'; expected one of " + String.join(", ", nextSegments(known, ""));
    }

    private static boolean hasGroup(Set<String> known, String group) {
        return known.stream().anyMatch(k -> k.startsWith(group + "."));
    }

    /** The distinct next name segments after {@code prefix}, in declaration order. */
    private static Set<String> nextSegments(Set<String> known, String prefix) {
        Set<String> out = new LinkedHashSet<>();
        for (String k : known) {
            if (k.startsWith(prefix)) {
                String rest = k.substring(prefix.length());
                int dot = rest.indexOf('.');
                out.add(dot < 0 ? rest : rest.substring(0, dot));
            }
        }
        return out;
    }

    private Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException(declared.contains(name) ? "parameter '" + name + "' is not set"
                    : "no parameter '" + name + "'");
        }
        return v;
    }
}
