package dev.pollsim.sim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** The built-in scenarios, shipped as YAML beside this class and read like any scenario file. */
public final class Presets {

    /** Every preset, in the order {@code pollsim scenarios} lists them. */
    public static final List<String> NAMES =
            List.of("default", "idle", "steady", "bursty", "five-daemons", "scale-to-zero", "burst");

    private final ScenarioLoader loader;

    public Presets(ScenarioLoader loader) {
        this.loader = loader;
    }

    /** The YAML text of a preset, if it exists. */
    public static Optional<String> yaml(String name) {
        if (!NAMES.contains(name)) {
            return Optional.empty();
        }
        try (InputStream in = Presets.class.getResourceAsStream("presets/" + name + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("preset " + name + " is missing from the jar");
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The preset with this name, if it exists. */
    public Optional<Scenario> find(String name) {
        return yaml(name).map(y -> loader.parse(y, "preset:" + name));
    }
}
