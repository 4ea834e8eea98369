package dev.pollsim.sim.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One cell of a sweep: everything needed to run one policy over one scenario with one seed, and
 * nothing else. It holds only text and numbers (no parsed scenario, no policy instance), so it
 * can be serialised and shipped to another process or machine; {@link CellRunner#run} turns it
 * into a result, the same result wherever it runs. Immutable.
 *
 * @param scenario the {@code --scenario} argument as given, for the re-run command
 * @param source the scenario's name in messages ({@code preset:default} or its path)
 * @param scenarioYaml the scenario's YAML text
 * @param days simulated days
 * @param replication the replication index, 0-based
 * @param seed this replication's master seed ({@link Replications#seedOf})
 * @param policy the policy label
 * @param sets {@code LABEL.PARAM=VALUE} assignments for that label, in the order applied
 */
public record SweepCell(String scenario, String source, String scenarioYaml, int days, int replication, long seed,
        String policy, List<String> sets) implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._/:=,@%+-]+");

    public SweepCell {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(scenarioYaml, "scenarioYaml");
        Objects.requireNonNull(policy, "policy");
        sets = List.copyOf(sets);
        if (replication < 0) {
            throw new IllegalArgumentException("replication must be at least 0, got " + replication);
        }
    }

    /** The arguments of the {@code pollsim run} that reproduces this cell's result alone. */
    public List<String> rerunArgs() {
        List<String> args = new ArrayList<>(List.of("run", "--scenario", scenario, "--policy", policy,
                "--days", Integer.toString(days), "--seed", Long.toString(seed)));
        for (String s : sets) {
            args.add("--set");
            args.add(s);
        }
        return args;
    }

    /** {@link #rerunArgs()} as one shell command line, ready to paste. */
    public String command() {
        StringBuilder b = new StringBuilder("pollsim");
        rerunArgs().forEach(a -> b.append(' ').append(shellQuote(a)));
        return b.toString();
    }

    /** A word as a POSIX shell reads it back unchanged. */
    static String shellQuote(String word) {
        return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
