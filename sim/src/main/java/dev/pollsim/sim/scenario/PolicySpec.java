package dev.pollsim.sim.scenario;

import dev.pollsim.policy.PolicyCatalogue;
import dev.pollsim.policy.PolicyDefinition;
import dev.pollsim.policy.param.ParamException;
import dev.pollsim.policy.param.PolicyParams;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of a scenario's {@code policies:} map: a label, the policy it names ({@code policy:},
 * the label by default) and the parameters written for it, each with where it was written.
 *
 * @param label the label results are reported under
 * @param policy the policy name, located
 * @param params parameters as written, by name, in file order
 * @param where where the label was written
 */
public record PolicySpec(String label, Located policy, Map<String, Located> params, Located where) {

    public PolicySpec {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** This spec with one parameter set (or replaced), as from {@code --set}. */
    public PolicySpec with(String param, Located value) {
        Map<String, Located> p = new LinkedHashMap<>(params);
        p.put(param, value);
        return new PolicySpec(label, policy, p, where);
    }

    /**
     * Resolves the policy and its parameters against the catalogue.
     *
     * @throws ScenarioException pointing at the unknown policy or the bad parameter
     */
    public ResolvedPolicy resolve(PolicyCatalogue catalogue) {
        PolicyDefinition def = catalogue.find(policy.text()).orElseThrow(() -> policy.error(
                "policies." + label + (policy == where ? "" : ".policy"),
                "unknown policy '" + policy.text() + "'; expected one of " + String.join(", ", catalogue.names())));
        Map<String, String> raw = new LinkedHashMap<>();
        params.forEach((k, v) -> raw.put(k, v.text()));
        try {
            PolicyParams resolved = def.resolve(raw);
            return new ResolvedPolicy(label, def, resolved, def.factory(resolved));
        } catch (ParamException e) {
            throw locate(e.param()).error("policies." + label + "." + e.param(), e.getMessage());
        }
    }

    /**
     * Where a parameter was written; for one not written (a required field missing from its
     * part), the first field written in the same part ({@code curve.floor} for {@code curve.kind}),
     * else the label.
     */
    private Located locate(String param) {
        Located at = params.get(param);
        for (int dot = param.lastIndexOf('.'); at == null && dot > 0; dot = param.lastIndexOf('.', dot - 1)) {
            String part = param.substring(0, dot + 1);
            at = params.entrySet().stream().filter(e -> e.getKey().startsWith(part)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }
        return at == null ? where : at;
    }
}
