package dev.pollsim.cli;

import dev.pollsim.policy.PolicyDefinition;
import dev.pollsim.policy.builtin.BuiltinPolicies;
import dev.pollsim.policy.param.ParamSpec;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pollsim policies}: every policy, its parameters with defaults and units, and its seed. */
@Command(name = "policies", mixinStandardHelpOptions = true,
        description = "Lists every policy with its parameters, defaults, units and the seed it comes from.")
final class PoliciesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        StringBuilder b = new StringBuilder();
        for (PolicyDefinition d : BuiltinPolicies.catalogue().all()) {
            b.append(d.name()).append('\n');
            b.append("  ").append(d.summary()).append('\n');
            b.append("  seed: ").append(d.seed()).append('\n');
            for (ParamSpec p : d.params()) {
                b.append(String.format(java.util.Locale.ROOT, "  %-16s %-9s default %-8s %s%n",
                        p.name(), p.type().label(), p.defaultValue(), p.description()));
            }
            b.append('\n');
        }
        spec.commandLine().getOut().print(b);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
