package dev.pollsim.cli;

import dev.pollsim.sim.scenario.Presets;
import dev.pollsim.sim.scenario.Scenario;
import dev.pollsim.sim.scenario.ScenarioException;
import dev.pollsim.sim.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pollsim scenarios}: the built-in presets; {@code --show NAME} prints one as YAML. */
@Command(name = "scenarios", mixinStandardHelpOptions = true,
        description = "Lists the built-in scenario presets; --show NAME prints one as YAML to start your own from.")
final class ScenariosCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--show", paramLabel = "NAME", description = "Print this preset's YAML.")
    private String show;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (show != null) {
            out.print(Presets.yaml(show).orElseThrow(() -> new ScenarioException(
                    "--show: no preset named '" + show + "'; presets are " + String.join(", ", Presets.NAMES))));
            out.flush();
            return ExitCodes.OK;
        }
        Presets presets = new Presets(new ScenarioLoader());
        for (String name : Presets.NAMES) {
            Scenario s = presets.find(name).orElseThrow();
            String about = Presets.yaml(name).orElseThrow().lines()
                    .filter(l -> l.startsWith("#")).findFirst().map(l -> l.substring(1).trim()).orElse("");
            out.printf(Locale.ROOT, "%-13s %s\n", name, about);
            out.printf(Locale.ROOT, "%-13s %s workload, %d daemon%s, %d day%s, seed %d\n\n", "",
                    kind(s), s.fleet().daemons(), s.fleet().daemons() == 1 ? "" : "s",
                    s.days(), s.days() == 1 ? "" : "s", s.seed());
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String kind(Scenario s) {
        String simple = s.workload().getClass().getSimpleName();
        return simple.toLowerCase(Locale.ROOT);
    }
}
