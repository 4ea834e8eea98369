package dev.pollsim.cli;

import dev.pollsim.report.writer.ReportWriter;
import dev.pollsim.sim.run.RunReport;
import dev.pollsim.sim.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pollsim report}: a run written as a folder for a design review. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Runs a scenario through each policy and writes a report folder: index.html (self-contained),"
                + " results.json, results.csv, summary.md and every chart as SVG and PNG.")
final class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ScenarioOptions what;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "The folder to write (created if missing; files of the report's names are replaced).")
    private Path out;

    @Option(names = "--no-progress",
            description = "Never draw the progress bar (it is drawn only on a terminal, after 2 s, never with CI set).")
    private boolean noProgress;

    @Override
    public Integer call() {
        Scenario s = what.scenario();
        RunReport report = Runs.run(s, what.policies(s), noProgress);
        Runs.warn(report.warnings(), spec.commandLine().getErr());
        List<Path> files;
        try {
            files = new ReportWriter(VersionProvider.version()).write(report, out);
        } catch (IOException e) {
            throw new InputException("--out " + out + ": cannot write: " + e.getMessage());
        }
        spec.commandLine().getErr().printf(Locale.ROOT, "pollsim: wrote %d files to %s; open %s\n", files.size(), out,
                out.resolve(ReportWriter.INDEX));
        spec.commandLine().getErr().flush();
        return ExitCodes.OK;
    }
}
