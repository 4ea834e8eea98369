package dev.pollsim.cli;

import dev.pollsim.report.SweepCsvReport;
import dev.pollsim.report.SweepHtmlReport;
import dev.pollsim.report.SweepJsonReport;
import dev.pollsim.report.SweepTableReport;
import dev.pollsim.report.sweep.FrontierChart;
import dev.pollsim.sim.run.ScenarioRunner;
import dev.pollsim.sim.sweep.GridAxis;
import dev.pollsim.sim.sweep.Replications;
import dev.pollsim.sim.sweep.ScenarioRef;
import dev.pollsim.sim.sweep.SweepEngine;
import dev.pollsim.sim.sweep.SweepPlan;
import dev.pollsim.sim.sweep.SweepPoint;
import dev.pollsim.sim.sweep.SweepResult;
import dev.pollsim.sim.sweep.SweepRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pollsim sweep}: a parameter grid over scenarios and seeds, with intervals and the frontier. */
@Command(
        name = "sweep",
        mixinStandardHelpOptions = true,
        description = {"Runs a grid of policy parameters over one or more scenarios, each point with several"
                + " seeds, in parallel on every core: every metric as a mean and 95%% confidence half-width, and"
                + " the Pareto frontier of requests per day against p99 wake latency beside the oracle bound.",
                "Each cell (a point's replication) prints the `pollsim run` command that reproduces it.",
                "With --engine spark the cells run as a Spark job instead, with the same results (docs/SCALE.md)."})
final class SweepCommand implements Callable<Integer> {

    /** Output formats of {@code sweep}. */
    enum Format { table, json, csv }

    @Spec
    private CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "FILE|PRESET",
            description = "Scenario YAML file or built-in preset; repeatable (default: default).")
    private List<String> scenarios = new ArrayList<>();

    @Option(names = "--grid", paramLabel = "LABEL.PARAM=V1,V2,...",
            description = "Values of one parameter of one policy label, e.g. --grid exp-idle.cap=30s,60s,120s;"
                    + " repeatable: the points are the cartesian product of each label's grids.")
    private List<String> grid = new ArrayList<>();

    @Option(names = "--policy", split = ",", paramLabel = "LABEL",
            description = "Policy labels to sweep, comma-separated, or `all` (default: the labels the grid names,"
                    + " else every label). The oracle bound is added to each scenario.")
    private List<String> policies = new ArrayList<>();

    @Mixin
    private SweepOptions options;

    @Mixin
    private EngineOptions engine;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the result to FILE instead of standard output.")
    private Path out;

    @Option(names = "--chart", paramLabel = "DIR",
            description = "Also write the sweep's report to DIR: index.html (each scenario's frontier chart and"
                    + " tables, self-contained) and the charts as frontier-SCENARIO.svg and .png.")
    private Path chart;

    @Override
    public Integer call() {
        List<ScenarioRef> refs = new ArrayList<>();
        (scenarios.isEmpty() ? List.of("default") : scenarios).forEach(s -> refs.add(ScenarioRef.resolve(s)));
        List<GridAxis> axes = grid.stream().map(GridAxis::parse).toList();
        SweepPlan plan = new SweepPlan(refs, options.days, options.seed, policies, options.sets, axes);
        List<SweepPoint> points = plan.points();
        Replications replications = options.replications();
        SweepResult result;
        long total = (long) points.size() * replications.max();
        int threads = options.threads();
        try (SweepEngine.Session cells = engine.open(options.threads, threads);
                ProgressBar bar = ProgressBar.start("sweep", total, options.noProgress)) {
            result = new SweepRunner(cells).run(points, replications, bar::advance);
        }
        for (ScenarioRef ref : plan.scenarios()) {
            Runs.warn(ScenarioRunner.warnings(plan.scenario(ref)), spec.commandLine().getErr());
        }
        Runs.warn(plan.policyWarnings(points), spec.commandLine().getErr());
        String text;
        switch (format) {
            case json:
                text = new SweepJsonReport().render(result);
                break;
            case csv:
                text = new SweepCsvReport().render(result);
                break;
            default:
                text = new SweepTableReport().render(result);
        }
        Output.write(text, out, spec.commandLine().getOut());
        if (chart != null) {
            try {
                new FrontierChart().write(result, chart);
                Files.writeString(chart.resolve("index.html"), new SweepHtmlReport().render(result,
                        VersionProvider.version()), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new InputException("--chart " + chart + ": cannot write: " + e.getMessage());
            }
        }
        return ExitCodes.OK;
    }
}
