package dev.pollsim.cli;

import dev.pollsim.sim.scenario.Presets;
import dev.pollsim.sim.scenario.Scenario;
import dev.pollsim.sim.scenario.ScenarioException;
import dev.pollsim.sim.scenario.ScenarioLoader;
import dev.pollsim.sim.scenario.WorkloadSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** Resolves {@code --scenario}: a file path if one exists, else a built-in preset name. */
final class ScenarioSource {

    private ScenarioSource() {}

    static Scenario load(String nameOrFile) {
        ScenarioLoader loader = new ScenarioLoader();
        Path file = Path.of(nameOrFile);
        if (Files.isRegularFile(file)) {
            return loader.load(file);
        }
        return new Presets(loader).find(nameOrFile).orElseThrow(() -> new ScenarioException(
                "--scenario: no file or preset named '" + nameOrFile + "'; presets are "
                        + String.join(", ", Presets.NAMES)));
    }

    /**
     * The scenario with its workload replaced by a trace, named after the trace file. Without
     * {@code days}, the run lasts the trace's length in whole days.
     */
    static Scenario withTrace(Scenario base, String file, WorkloadSpec.Trace workload, Integer days) {
        String name = Path.of(file).getFileName().toString().replaceFirst("\\.[A-Za-z]+$", "");
        try {
            return new Scenario(name, days, base.seed(), workload, base.fleet(), base.upstream(), base.faults(),
                    base.policies(), base.source());
        } catch (IllegalArgumentException e) {
            throw new ScenarioException((days == null ? "--trace " + file : "--days") + ": " + e.getMessage());
        }
    }

    /**
     * The scenario with {@code --days} and {@code --seed} applied where given.
     *
     * @throws CommandLine.ParameterException on bad days, against {@code command}
     */
    static Scenario withOverrides(Scenario s, Integer days, Long seed, CommandLine command) {
        Scenario out = s;
        try {
            if (days != null) {
                out = out.withDays(days);
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(command, "--days: " + e.getMessage());
        }
        return seed == null ? out : out.withSeed(seed);
    }
}
