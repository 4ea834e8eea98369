package dev.pollsim.cli;

import dev.pollsim.policy.builtin.BuiltinPolicies;
import dev.pollsim.report.CsvReport;
import dev.pollsim.report.JsonReport;
import dev.pollsim.report.TableReport;
import dev.pollsim.sim.run.RunReport;
import dev.pollsim.sim.run.ScenarioRunner;
import dev.pollsim.sim.scenario.PolicySelection;
import dev.pollsim.sim.scenario.ResolvedPolicy;
import dev.pollsim.sim.scenario.Scenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
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

    @Option(names = "--scenario", paramLabel = "FILE|PRESET", defaultValue = "default",
            description = "Scenario YAML file or built-in preset (default: ${DEFAULT-VALUE}; see `pollsim scenarios`).")
    private String scenario;

    @Option(names = "--trace", paramLabel = "FILE",
            description = "Replay this recorded trace as the workload (the scenario gives the fleet, policies, seed"
                    + " and, without a service column, the service time). Days default to the trace's length.")
    private String trace;

    @Mixin
    private TraceOptions traceOptions;

    @Option(names = "--policy", split = ",", paramLabel = "LABEL",
            description = "Policy labels to run, comma-separated, or `all` (default: every label of the scenario)."
                    + " A built-in policy name not in the scenario runs with its defaults.")
    private List<String> policies = new ArrayList<>();

    @Option(names = "--days", paramLabel = "N", description = "Simulated days (overrides the scenario).")
    private Integer days;

    @Option(names = "--seed", paramLabel = "S", description = "Master seed (overrides the scenario).")
    private Long seed;

    @Option(names = "--set", paramLabel = "LABEL.PARAM=VALUE",
            description = "Sets a policy parameter, e.g. --set exp-idle.cap=60s. Repeatable.")
    private List<String> sets = new ArrayList<>();

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Option(names = "--series", description = "Include the hourly series in JSON output.")
    private boolean series;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the result to FILE instead of standard output.")
    private Path out;

    @Override
    public Integer call() {
        Scenario s = ScenarioSource.load(scenario);
        if (trace != null) {
            s = ScenarioSource.withTrace(s, trace, traceOptions.workload(trace, s.workload().serviceTime()), days);
        }
        try {
            if (days != null) {
                s = s.withDays(days);
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--days: " + e.getMessage());
        }
        if (seed != null) {
            s = s.withSeed(seed);
        }
        List<ResolvedPolicy> chosen = new PolicySelection(BuiltinPolicies.catalogue()).select(s, policies, sets);
        RunReport report = ScenarioRunner.onAllCores().run(s, chosen);
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
