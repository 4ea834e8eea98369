package dev.pollsim.cli;

import dev.pollsim.report.TuneReport;
import dev.pollsim.sim.sweep.Budget;
import dev.pollsim.sim.sweep.ScenarioRef;
import dev.pollsim.sim.sweep.SweepRunner;
import dev.pollsim.sim.sweep.TuneResult;
import dev.pollsim.sim.sweep.TuneSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pollsim tune}: the parameters of one policy that best meet an objective under budgets. */
@Command(
        name = "tune",
        mixinStandardHelpOptions = true,
        description = {"Searches one policy's parameters for the setting that minimises (or maximises) a metric"
                + " while every budget holds, e.g. the least p99 wake latency at no more than 3,000 requests a"
                + " day: CMA-ES (commons-math3, seeded) over the ranges, then a compass refinement onto the"
                + " budget's boundary. Each setting runs its replications; the best is printed with its 95%%"
                + " intervals and the commands that re-run it. Same seed, same answer.",
                "Exit code 1 when no setting meets the budgets."})
final class TuneCommand implements Callable<Integer> {

    /** Output formats of {@code tune}. */
    enum Format { table, json }

    /** Exactly one goal. */
    static final class Goal {
        @Option(names = "--minimize", paramLabel = "METRIC",
                description = "Metric to minimise, named as in JSON output (default: wakeLatencyMs.p99).")
        String minimize;

        @Option(names = "--maximize", paramLabel = "METRIC", description = "Metric to maximise instead.")
        String maximize;
    }

    @Spec
    private CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "FILE|PRESET", defaultValue = "default",
            description = "Scenario YAML file or built-in preset (default: ${DEFAULT-VALUE}).")
    private String scenario;

    @Option(names = "--policy", required = true, paramLabel = "LABEL",
            description = "The policy label to tune (a label of the scenario or a built-in policy name).")
    private String policy;

    @Option(names = "--over", required = true, paramLabel = "PARAM=LO..HI,...",
            description = "Parameters to search and their ranges, e.g. 'interval=5s..60s,cap=30s..10m,multiplier=1.2..3'"
                    + " (durations, numbers or integers).")
    private String over;

    @Option(names = "--budget", paramLabel = "METRIC<=VALUE",
            description = "A limit on a metric's mean, e.g. 'requestsPerDay<=3000' or 'jobs.completed>=100'. Repeatable.")
    private List<String> budgets = new ArrayList<>();

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private Goal goal;

    @Option(names = "--evaluations", paramLabel = "N", defaultValue = "100",
            description = "Most settings to evaluate, each with its replications (default: ${DEFAULT-VALUE}).")
    private int evaluations;

    @Mixin
    private SweepOptions options;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the result to FILE instead of standard output.")
    private Path out;

    @Override
    public Integer call() {
        boolean maximize = goal != null && goal.maximize != null;
        String objective = goal == null ? "wakeLatencyMs.p99" : maximize ? goal.maximize : goal.minimize;
        TuneSpec tune = new TuneSpec(ScenarioRef.resolve(scenario), options.days, options.seed, policy, options.sets,
                over, budgets.stream().map(Budget::parse).toList(), objective, maximize, evaluations,
                options.replications());
        TuneResult result;
        try (ProgressBar bar = ProgressBar.start("tune", (long) evaluations * options.replications().max(),
                options.noProgress)) {
            result = tune.run(new SweepRunner(options.threads()), bar::advance);
        }
        TuneReport report = new TuneReport();
        Output.write(format == Format.json ? report.json(tune, result) : report.text(tune, result), out,
                spec.commandLine().getOut());
        return result.best().feasible() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
