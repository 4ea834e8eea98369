package dev.pollsim.policy.param;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resolved parameters of one policy: every declared parameter with its default or the value
 * given, parsed and checked. Immutable.
 */
public final class PolicyParams {

    private final Map<String, Object> values;
    private final Map<String, String> written;

    private PolicyParams(Map<String, Object> values, Map<String, String> written) {
        this.values = values;
        this.written = written;
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
                throw new ParamException(
                        name,
                        "unknown parameter '" + name + "'; expected one of " + String.join(", ", byName.keySet()));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> written = new LinkedHashMap<>();
        for (ParamSpec spec : specs) {
            Object value = spec.parse(given.getOrDefault(spec.name(), spec.defaultValue()));
            values.put(spec.name(), value);
            written.put(spec.name(), canonical(value));
        }
        return new PolicyParams(Collections.unmodifiableMap(values), Collections.unmodifiableMap(written));
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

    /** Whether the policy declares this parameter. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** These parameters with some replaced, as written; checked like the originals. */
    public PolicyParams with(List<ParamSpec> specs, Map<String, String> changes) {
        Map<String, String> merged = new LinkedHashMap<>(written);
        merged.putAll(changes);
        return resolve(specs, merged);
    }

    /** Every parameter in canonical form ({@code 10s}, {@code 1.5}), in declaration order; for reports. */
    public Map<String, String> asWritten() {
        return written;
    }

    private static String canonical(Object value) {
        return value instanceof Long ? Durations.format((Long) value) : value.toString();
    }

    private Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no parameter '" + name + "'");
        }
        return v;
    }
}
