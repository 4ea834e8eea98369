package dev.pollsim.cli;

import dev.pollsim.policy.builtin.BuiltinPolicies;
import dev.pollsim.policy.param.Durations;
import dev.pollsim.report.TimelineReport;
import dev.pollsim.sim.explain.Explainer;
import dev.pollsim.sim.explain.Timeline;
import dev.pollsim.sim.scenario.PolicySelection;
import dev.pollsim.sim.scenario.ResolvedPolicy;
import dev.pollsim.sim.scenario.Scenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pollsim explain}: one daemon's timeline under one policy, and the rule behind each decision. */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        description = "Prints the event timeline of one daemon under one policy: each tick, what it found, the next"
                + " delay and the rule that chose it; wakes, suspends, errors and spawns.")
final class ExplainCommand implements Callable<Integer> {

    /** Output formats of {@code explain}. */
    enum Format { text, jsonl }

    @Spec
    private CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "FILE|PRESET", defaultValue = "default",
            description = "Scenario YAML file or built-in preset (default: ${DEFAULT-VALUE}).")
    private String scenario;

    @Option(names = "--policy", required = true, paramLabel = "LABEL",
            description = "The policy label to explain; a built-in policy name not in the scenario runs with its"
                    + " defaults.")
    private String policy;

    @Option(names = "--daemon", defaultValue = "0", paramLabel = "N",
            description = "The daemon's index, from 0 (default: ${DEFAULT-VALUE}).")
    private int daemon;

    @Option(names = "--from", defaultValue = "0s", paramLabel = "DURATION",
            description = "Start of the window, from the scenario start, such as 2h (default: ${DEFAULT-VALUE}).")
    private String from;

    @Option(names = "--to", paramLabel = "DURATION",
            description = "End of the window, exclusive, such as 3h (default: one hour after --from).")
    private String to;

    @Option(names = "--days", paramLabel = "N", description = "Simulated days (overrides the scenario).")
    private Integer days;

    @Option(names = "--seed", paramLabel = "S", description = "Master seed (overrides the scenario).")
    private Long seed;

    @Option(names = "--set", paramLabel = "LABEL.PARAM=VALUE",
            description = "Sets a policy parameter, e.g. --set mine.curve.cap=5m. Repeatable.")
    private List<String> sets = new ArrayList<>();

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text or jsonl (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Option(names = "--limit", defaultValue = "" + Explainer.DEFAULT_LIMIT, paramLabel = "N",
            description = "The most events printed (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the timeline to FILE instead of standard output.")
    private Path out;

    @Override
    public Integer call() {
        long fromUs = duration("--from", from);
        long toUs = to == null ? fromUs + Durations.MICROS_PER_HOUR : duration("--to", to);
        Scenario s = ScenarioSource.withOverrides(ScenarioSource.load(scenario), days, seed, spec.commandLine());
        ResolvedPolicy chosen = new PolicySelection(BuiltinPolicies.catalogue()).select(s, List.of(policy), sets).get(0);
        Timeline timeline = Explainer.explain(s, chosen, daemon, fromUs, toUs, limit);
        TimelineReport report = new TimelineReport();
        String text = format == Format.jsonl ? report.jsonLines(timeline) : report.text(timeline);
        Output.write(text, out, spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    private long duration(String option, String text) {
        try {
            return Durations.parseMicros(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
    }
}
