package dev.pollsim.report;

import dev.pollsim.policy.PolicyCatalogue;
import dev.pollsim.policy.PolicyDefinition;
import dev.pollsim.policy.param.ParamSpec;
import dev.pollsim.policy.param.ParamType;

/**
 * Every policy with its seed, summary and parameters (type, default, range, meaning), as text
 * for {@code pollsim policies} and as the Markdown tables of {@code docs/POLICIES.md}. A parameter
 * with no default shows {@code -} in the default column.
 */
public final class PolicyListing {

    private static final String NO_DEFAULT = "-";

    /** The catalogue as aligned text. */
    public String text(PolicyCatalogue catalogue) {
        StringBuilder b = new StringBuilder();
        for (PolicyDefinition d : catalogue.all()) {
            b.append(d.name()).append('\n');
            b.append("  ").append(d.summary()).append('\n');
            b.append("  seed: ").append(d.seed()).append("\n\n");
            if (d.params().isEmpty()) {
                b.append("  (no parameters)\n\n");
                continue;
            }
            TextTable t = new TextTable(false, "parameter", "type", "default", "range", "meaning");
            for (ParamSpec p : d.params()) {
                t.row(p.name(), type(p), p.hasDefault() ? p.defaultValue() : NO_DEFAULT, range(p), p.description());
            }
            t.render().lines().forEach(l -> b.append("  ").append(l).append('\n'));
            b.append('\n');
        }
        return b.toString();
    }

    /** One policy's parameters as a Markdown table. */
    public String markdownTable(PolicyDefinition d) {
        StringBuilder b = new StringBuilder("| parameter | type | default | range | meaning |\n|---|---|---|---|---|\n");
        for (ParamSpec p : d.params()) {
            b.append("| `").append(p.name()).append("` | ").append(type(p)).append(" | ")
                    .append(p.hasDefault() ? "`" + p.defaultValue() + "`" : NO_DEFAULT).append(" | ")
                    .append(range(p).replace("|", "\\|")).append(" | ").append(p.description()).append(" |\n");
        }
        return b.toString();
    }

    private static String type(ParamSpec p) {
        return p.type() == ParamType.CHOICE ? "choice" : p.type().label();
    }

    private static String range(ParamSpec p) {
        if (p.type() == ParamType.CHOICE || p.type() == ParamType.LIST) {
            return String.join("|", p.choices());
        }
        if (p.minimum() != null && p.maximum() != null) {
            return p.minimum() + ".." + p.maximum();
        }
        if (p.minimum() != null) {
            return ">= " + p.minimum();
        }
        return p.maximum() == null ? "" : "<= " + p.maximum();
    }
}
