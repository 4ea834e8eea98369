package dev.pollsim.cli;

import dev.pollsim.policy.builtin.BuiltinPolicies;
import dev.pollsim.sim.scenario.PolicySelection;
import dev.pollsim.sim.scenario.ResolvedPolicy;
import dev.pollsim.sim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What to run: the scenario, its trace, policies, days, seed and parameter changes. Shared by
 * {@code run} and {@code report}; the option names are a public contract.
 */
final class ScenarioOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

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

    /**
     * The scenario these options describe: the file or preset, with the trace, days and seed
     * applied.
     *
     * @throws dev.pollsim.sim.scenario.ScenarioException on a bad file, preset or trace option
     * @throws CommandLine.ParameterException on bad days
     */
    Scenario scenario() {
        Scenario s = ScenarioSource.load(scenario);
        if (trace != null) {
            s = ScenarioSource.withTrace(s, trace, traceOptions.workload(trace, s.workload().serviceTime()), days);
        }
        return ScenarioSource.withOverrides(s, days, seed, mixee.commandLine());
    }

    /** The policies chosen of {@code s}, with their parameter changes. */
    List<ResolvedPolicy> policies(Scenario s) {
        return new PolicySelection(BuiltinPolicies.catalogue()).select(s, policies, sets);
    }
}
