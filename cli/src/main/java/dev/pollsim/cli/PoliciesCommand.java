package dev.pollsim.cli;

import dev.pollsim.policy.PolicyDefinition;
import dev.pollsim.policy.builtin.BuiltinPolicies;
import dev.pollsim.report.PolicyListing;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pollsim policies}: every policy, its parameters with defaults and units, and its seed. */
@Command(name = "policies", mixinStandardHelpOptions = true,
        description = "Lists every policy with its parameters, defaults, units and the seed it comes from.")
final class PoliciesCommand implements Callable<Integer> {

    /** Output formats of {@code policies}. */
    enum Format { text, markdown }

    @Spec
    private CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text or markdown (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Override
    public Integer call() {
        PolicyListing listing = new PolicyListing();
        StringBuilder b = new StringBuilder();
        if (format == Format.markdown) {
            for (PolicyDefinition d : BuiltinPolicies.catalogue().all()) {
                b.append("### `").append(d.name()).append("`\n\n").append(d.summary()).append("\n\nSeed: ")
                        .append(d.seed()).append("\n\n");
                if (!d.params().isEmpty()) {
                    b.append(listing.markdownTable(d)).append('\n');
                }
            }
        } else {
            b.append(listing.text(BuiltinPolicies.catalogue()));
        }
        spec.commandLine().getOut().print(b);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
