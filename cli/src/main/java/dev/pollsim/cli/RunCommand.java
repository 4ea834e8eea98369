package dev.pollsim.cli;

import dev.pollsim.report.CsvReport;
import dev.pollsim.report.JsonReport;
import dev.pollsim.report.TableReport;
import dev.pollsim.sim.run.RunReport;
import dev.pollsim.sim.scenario.Scenario;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pollsim run}: one scenario through its policies, side by side. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Runs a scenario through each policy and compares requests per day and wake latency.")
final class RunCommand implements Callable<Integer> {

    /** Output formats of {@code run}. */
    enum Format { table, json, csv }

    @Spec
    private CommandSpec spec;

    @Mixin
    private ScenarioOptions what;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Option(names = "--series",
            description = "Include the series in JSON output: hourly counts, poll intervals, latency distribution.")
    private boolean series;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the result to FILE instead of standard output.")
    private Path out;

    @Option(names = "--no-progress",
            description = "Never draw the progress bar (it is drawn only on a terminal, after 2 s, never with CI set).")
    private boolean noProgress;

    @Option(names = "--no-fast-forward",
            description = "Simulate every tick instead of skipping idle stretches in closed form: the same numbers,"
                    + " more slowly (for checking).")
    private boolean noFastForward;

    @Override
    public Integer call() {
        Scenario s = what.scenario();
        RunReport report = Runs.run(s, what.policies(s), noProgress, !noFastForward);
        Runs.warn(report.warnings(), spec.commandLine().getErr());
        String text;
        switch (format) {
            case json:
                text = new JsonReport(series).render(report);
                break;
            case csv:
                text = new CsvReport().render(report);
                break;
            default:
                text = new TableReport().render(report);
        }
        Output.write(text, out, spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
