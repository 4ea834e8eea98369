package dev.pollsim.cli;

import dev.pollsim.policy.builtin.BuiltinPolicies;
import dev.pollsim.report.budget.Baseline;
import dev.pollsim.report.budget.BudgetCheck;
import dev.pollsim.report.budget.BudgetTable;
import dev.pollsim.report.budget.Budgets;
import dev.pollsim.report.budget.CheckResults;
import dev.pollsim.report.budget.JUnitXmlReport;
import dev.pollsim.report.budget.MarkdownBudgetReport;
import dev.pollsim.sim.run.ScenarioRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pollsim check}: CI's gate on request budgets and wake latency (docs/CI.md). */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "Runs the scenarios a budgets file names and holds each policy to its limits (and, with"
                + " --baseline, to its earlier results). Prints a table; exit 0 when every rule holds, 1 when any"
                + " is broken, 2 on an input error.")
final class CheckCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--budgets", required = true, paramLabel = "FILE",
            description = "The budgets YAML (docs/CI.md); scenario files in it are relative to it.")
    private Path budgets;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Earlier results: the JSON of `pollsim run --format json` or of `check --results`. A metric"
                    + " that grew by more than the budgets' regression threshold fails. Repeatable.")
    private List<Path> baselines = new ArrayList<>();

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write JUnit XML, one test case per rule.")
    private Path junit;

    @Option(names = "--markdown", paramLabel = "FILE",
            description = "Also write a Markdown summary, for $GITHUB_STEP_SUMMARY or a pull request comment.")
    private Path markdown;

    @Option(names = "--results", paramLabel = "FILE",
            description = "Also write every run as JSON, to use as a later check's --baseline.")
    private Path results;

    @Override
    public Integer call() {
        Budgets b = Budgets.load(budgets);
        Baseline baseline = baselines.isEmpty() ? Baseline.NONE : Baseline.read(baselines);
        BudgetCheck.Outcome outcome = new BudgetCheck(BuiltinPolicies.catalogue(), ScenarioRunner.onAllCores())
                .check(b, baseline);
        outcome.runs().forEach(run -> Runs.warn(run.warnings(), spec.commandLine().getErr()));
        write("--junit", junit, () -> new JUnitXmlReport().render(outcome.report()));
        write("--markdown", markdown, () -> new MarkdownBudgetReport().render(outcome.report()));
        write("--results", results, () -> new CheckResults().render(outcome.runs()));
        PrintWriter out = spec.commandLine().getOut();
        out.print(new BudgetTable().render(outcome.report()));
        out.flush();
        return outcome.report().passed() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static void write(String option, Path file, Supplier<String> text) {
        if (file == null) {
            return;
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text.get(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(option + " " + file + ": cannot write: " + e.getMessage());
        }
    }
}
