package dev.pollsim.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Other YAML contracts read through {@link ScenarioLoader#read}: as strict as a scenario. */
class ScenarioLoaderReadTest {

    /** A small contract of its own. */
    record Limits(String name, Integer most, TimeSpan within, List<String> tags) {
        Limits {
            if (most != null && most < 0) {
                throw new IllegalArgumentException("most must be at least 0, got " + most);
            }
        }
    }

    private final ScenarioLoader loader = new ScenarioLoader();

    @Test
    void shouldReadAnotherTypeWithDurations() {
        Limits l = loader.read("name: a\nmost: 3\nwithin: 90s\ntags: [x, y]\n", "l.yaml", Limits.class);
        assertThat(l).isEqualTo(new Limits("a", 3, TimeSpan.parse("90s"), List.of("x", "y")));
    }

    @Test
    void shouldRefuseLikeAScenarioNamingFileLineColumnAndField() {
        assertThatThrownBy(() -> loader.read("name: a\nmots: 3\n", "l.yaml", Limits.class))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("l.yaml:2:1: unknown field 'mots'; expected one of most, name, tags, within");
        assertThatThrownBy(() -> loader.read("within: 90\n", "l.yaml", Limits.class))
                .hasMessageStartingWith("l.yaml:1:9: within: expected a duration such as 250ms");
        assertThatThrownBy(() -> loader.read("most: many\n", "l.yaml", Limits.class))
                .hasMessage("l.yaml:1:7: most: expected a whole number, got \"many\"");
        assertThatThrownBy(() -> loader.read("name: a\nmost: -1\n", "l.yaml", Limits.class))
                .hasMessage("l.yaml:2:1: most must be at least 0, got -1");
        assertThatThrownBy(() -> loader.read("name: a\nname: b\n", "l.yaml", Limits.class))
                .hasMessageContaining("'name' appears twice");
    }

    @Test
    void anEmptyDocumentShouldReadAsNull() {
        assertThat(loader.read("# nothing\n", "l.yaml", Limits.class)).isNull();
    }
}
