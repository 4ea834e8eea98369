package dev.pollsim.sim.scenario;

import dev.pollsim.policy.PolicyDefinition;
import dev.pollsim.policy.PolicyFactory;
import dev.pollsim.policy.param.PolicyParams;

/**
 * A policy label ready to run: its definition, checked parameters and loop factory.
 *
 * @param label the label results are reported under
 * @param definition the policy
 * @param params its resolved parameters
 * @param factory makes each loop's policy instance
 */
public record ResolvedPolicy(String label, PolicyDefinition definition, PolicyParams params, PolicyFactory factory) {}
