package dev.pollsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pollsim.policy.PolicyDefinition;
import dev.pollsim.policy.builtin.BuiltinPolicies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/POLICIES.md and {@code pollsim policies} say the same thing. */
class PolicyDocsTest {

    @Test
    void everyPolicyAndItsParameterTableShouldBeInTheDocs() throws IOException {
        String docs = Files.readString(Path.of("../docs/POLICIES.md"), StandardCharsets.UTF_8);
        PolicyListing listing = new PolicyListing();
        for (PolicyDefinition d : BuiltinPolicies.catalogue().all()) {
            assertThat(docs).as(d.name()).contains("`" + d.name() + "`");
            if (!d.params().isEmpty()) {
                assertThat(docs).as("parameter table of " + d.name()).contains(listing.markdownTable(d));
            }
        }
    }

    @Test
    void theTextListingShouldNameEverySeedParameterAndDefault() {
        String text = new PolicyListing().text(BuiltinPolicies.catalogue());
        for (PolicyDefinition d : BuiltinPolicies.catalogue().all()) {
            assertThat(text).contains(d.name(), d.seed());
            d.params().forEach(p -> assertThat(text).contains(p.name(), p.defaultValue()));
        }
        assertThat(text).contains("fixed|geometric|exponential", "(no parameters)");
    }
}
