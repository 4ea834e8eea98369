package dev.pollsim.sim.sweep;

import dev.pollsim.sim.scenario.Presets;
import dev.pollsim.sim.scenario.Scenario;
import dev.pollsim.sim.scenario.ScenarioException;
import dev.pollsim.sim.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A scenario as a cell carries it: the {@code --scenario} argument as given (for the re-run
 * command), the name its messages use, and its YAML text, so that a cell needs no file to run.
 *
 * @param given the {@code --scenario} argument: a file path or a preset name
 * @param source the name used in messages ({@code preset:default} or the path)
 * @param yaml the scenario's text
 */
public record ScenarioRef(String given, String source, String yaml) {

    private static final ScenarioLoader LOADER = new ScenarioLoader();

    /**
     * Resolves {@code --scenario} as {@code pollsim run} does: a file if one exists at that path,
     * else a built-in preset.
     *
     * @throws ScenarioException when it is neither, or the file cannot be read
     */
    public static ScenarioRef resolve(String nameOrFile) {
        Path file = Path.of(nameOrFile);
        if (Files.isRegularFile(file)) {
            try {
                return new ScenarioRef(nameOrFile, file.toString(), Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new ScenarioException(file + ": cannot read: " + e.getMessage(), e);
            }
        }
        return Presets.yaml(nameOrFile).map(y -> new ScenarioRef(nameOrFile, "preset:" + nameOrFile, y))
                .orElseThrow(() -> new ScenarioException("--scenario: no file or preset named '" + nameOrFile
                        + "'; presets are " + String.join(", ", Presets.NAMES)));
    }

    /** The scenario, parsed strictly. */
    public Scenario load() {
        return LOADER.parse(yaml, source);
    }
}
