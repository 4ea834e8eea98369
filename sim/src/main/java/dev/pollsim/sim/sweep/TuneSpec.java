package dev.pollsim.sim.sweep;

import dev.pollsim.policy.PolicyCatalogue;
import dev.pollsim.policy.builtin.BuiltinPolicies;
import dev.pollsim.sim.scenario.PolicySelection;
import dev.pollsim.sim.scenario.ResolvedPolicy;
import dev.pollsim.sim.scenario.Scenario;
import dev.pollsim.sim.scenario.ScenarioException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * A tuning problem, {@code pollsim tune}: one policy label of one scenario, the parameters to
 * search and their ranges, the budgets and the objective, and how each setting is replicated.
 * Immutable; {@link #run} checks everything before the first evaluation.
 *
 * @param scenario the scenario
 * @param days simulated days overriding the scenario's, or {@code null}
 * @param seed master seed overriding the scenario's, or {@code null}; it also seeds CMA-ES
 * @param policy the label to tune
 * @param sets {@code --set} assignments applied under every setting (the tuned values win)
 * @param over the ranges, {@code cap=30s..600s,multiplier=1.2..3}
 * @param budgets the limits a setting must meet
 * @param objective the metric to optimise
 * @param maximize true to maximise it
 * @param evaluations most settings to evaluate
 * @param replications replications of each setting
 */
public record TuneSpec(ScenarioRef scenario, Integer days, Long seed, String policy, List<String> sets, String over,
        List<Budget> budgets, String objective, boolean maximize, int evaluations, Replications replications) {

    private static final PolicyCatalogue CATALOGUE = BuiltinPolicies.catalogue();

    public TuneSpec {
        sets = List.copyOf(sets);
        budgets = List.copyOf(budgets);
        try {
            SweepMetric.named(objective);
        } catch (ScenarioException e) {
            throw new ScenarioException((maximize ? "--maximize " : "--minimize ") + objective + ": " + e.getMessage());
        }
        if (evaluations < 2) {
            throw new ScenarioException("--evaluations must be at least 2, got " + evaluations);
        }
    }

    /**
     * Searches, running each setting's replications on {@code runner}.
     *
     * @param progress told of every finished cell
     * @throws ScenarioException on an unknown label or parameter, or a bad range or value
     */
    public TuneResult run(SweepRunner runner, LongConsumer progress) {
        SweepPlan plan = new SweepPlan(List.of(scenario), days, seed, List.of(policy), sets, List.of());
        Scenario s = plan.scenario(scenario);
        PolicySelection selection = new PolicySelection(CATALOGUE);
        ResolvedPolicy base = selection.select(s, List.of(policy), sets).get(0);
        List<TuneRange> ranges = TuneRange.parse(over, policy, base.definition().params());
        double[] start = new double[ranges.size()];
        for (int i = 0; i < start.length; i++) {
            start[i] = ranges.get(i).position(base.params().asWritten().get(ranges.get(i).param()));
        }
        int[] next = {0};
        Tuner tuner = new Tuner(ranges, budgets, objective, maximize, evaluations, s.seed(), values -> {
            List<String> cellSets = new ArrayList<>(sets);
            values.forEach((k, v) -> cellSets.add(policy + "." + k + "=" + v));
            ResolvedPolicy r = selection.select(s, List.of(policy), cellSets, "--over").get(0);
            SweepPoint point = new SweepPoint(next[0]++, scenario, s.name(), s.days(), s.seed(), s.fleet().daemons(),
                    policy, r.definition().name(), values, r.params().asWritten(), cellSets, false);
            return runner.run(List.of(point), replications, progress).points().get(0);
        });
        return tuner.run(start);
    }

    /** The ranges as parsed against the policy, for reports. */
    public List<TuneRange> ranges() {
        SweepPlan plan = new SweepPlan(List.of(scenario), days, seed, List.of(policy), sets, List.of());
        ResolvedPolicy base = new PolicySelection(CATALOGUE).select(plan.scenario(scenario), List.of(policy), sets)
                .get(0);
        return TuneRange.parse(over, policy, base.definition().params());
    }

    /**
     * The arguments of the {@code pollsim sweep} that re-runs a setting alone with the same
     * replications: the same means and intervals.
     */
    public List<String> sweepArgs(TuneCandidate c) {
        SweepPoint p = c.result().point();
        List<String> args = new ArrayList<>(List.of("sweep", "--scenario", scenario.given(), "--policy", policy,
                "--days", Integer.toString(p.days()), "--seed", Long.toString(p.baseSeed()),
                "--replications", Integer.toString(replications.initial())));
        if (replications.sequential()) {
            args.addAll(List.of("--target-half-width",
                    BigDecimal.valueOf(replications.targetRelativeHalfWidth()).stripTrailingZeros().toPlainString(),
                    "--max-replications", Integer.toString(replications.max()),
                    "--target-metric", String.join(",", replications.targetMetrics())));
        }
        for (String s : p.sets()) {
            args.add("--set");
            args.add(s);
        }
        return args;
    }

    /** {@link #sweepArgs} as one shell command line. */
    public String sweepCommand(TuneCandidate c) {
        StringBuilder b = new StringBuilder("pollsim");
        sweepArgs(c).forEach(a -> b.append(' ').append(SweepCell.shellQuote(a)));
        return b.toString();
    }

    /** The values of a setting, as {@code --set} arguments for its label. */
    public List<String> setsOf(Map<String, String> values) {
        List<String> out = new ArrayList<>(sets);
        values.forEach((k, v) -> out.add(policy + "." + k + "=" + v));
        return out;
    }
}
