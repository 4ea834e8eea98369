package dev.pollsim.policy;

import dev.pollsim.policy.param.ParamSpec;
import dev.pollsim.policy.param.PolicyParams;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A named policy: where it comes from, its parameters, and how to build it.
 *
 * @param name the name used in scenario files ({@code exp-idle})
 * @param seed the seed file the policy models, or a short note for policies beyond the seeds
 * @param summary one sentence on what it does
 * @param params its parameters, in the order help lists them
 * @param builder makes the loop factory from resolved parameters
 */
public record PolicyDefinition(
        String name,
        String seed,
        String summary,
        List<ParamSpec> params,
        Function<PolicyParams, PolicyFactory> builder) {

    public PolicyDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(summary, "summary");
        params = List.copyOf(params);
        Objects.requireNonNull(builder, "builder");
    }

    /**
     * Resolves parameters written by a user against this policy's declarations.
     *
     * @throws dev.pollsim.policy.param.ParamException on an unknown or malformed parameter
     */
    public PolicyParams resolve(Map<String, String> given) {
        return PolicyParams.resolve(params, given);
    }

    /** Builds the loop factory for resolved parameters. */
    public PolicyFactory factory(PolicyParams resolved) {
        return builder.apply(resolved);
    }
}
