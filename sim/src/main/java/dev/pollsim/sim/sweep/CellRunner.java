package dev.pollsim.sim.sweep;

import dev.pollsim.policy.PolicyCatalogue;
import dev.pollsim.policy.builtin.BuiltinPolicies;
import dev.pollsim.sim.metrics.HourlySeries;
import dev.pollsim.sim.metrics.IntervalSeries;
import dev.pollsim.sim.metrics.PolicyResult;
import dev.pollsim.sim.run.ScenarioRunner;
import dev.pollsim.sim.scenario.PolicySelection;
import dev.pollsim.sim.scenario.ResolvedPolicy;
import dev.pollsim.sim.scenario.Scenario;
import java.util.List;

/**
 * Runs one {@link SweepCell}: the single entry point a local pool or a distributed engine calls.
 * A pure function of the cell: the scenario is parsed from the cell's text, the seed and days
 * are the cell's, and the policy is resolved exactly as {@code pollsim run --policy LABEL --set
 * ...} resolves it, so {@link SweepCell#command()} prints the same numbers. Thread-safe.
 */
public final class CellRunner {

    private static final PolicyCatalogue CATALOGUE = BuiltinPolicies.catalogue();
    private static final HourlySeries NO_HOURS = new HourlySeries(new long[0], new long[0], new long[0]);

    private CellRunner() {}

    /**
     * The cell's result, without its hourly and per-tick series (a sweep holds thousands of
     * results; the series of one cell come from its re-run command with {@code --series}).
     *
     * @throws dev.pollsim.sim.scenario.ScenarioException when the cell names an unknown label or
     *     parameter, or gives a bad value
     */
    public static PolicyResult run(SweepCell cell) {
        Scenario s = scenario(cell);
        List<ResolvedPolicy> policy = new PolicySelection(CATALOGUE).select(s, List.of(cell.policy()), cell.sets());
        PolicyResult r = new ScenarioRunner(1).run(s, policy).results().get(0);
        IntervalSeries none = new IntervalSeries(r.intervals().loop(), new long[0], new long[0], new long[0], new long[0],
                false);
        return new PolicyResult(r.label(), r.policy(), r.params(), r.horizonUs(), r.requests(), r.requestsByKind(),
                r.requestsPerDaemon(), r.requestsByLoop(), r.wakeLatency(), r.timeToStart(), r.rampTimeUs(), r.jobs(),
                r.loops(), r.upstream(), NO_HOURS, none);
    }

    /** The cell's scenario with its days and seed. */
    static Scenario scenario(SweepCell cell) {
        return new ScenarioRef(cell.scenario(), cell.source(), cell.scenarioYaml()).load()
                .withDays(cell.days()).withSeed(cell.seed());
    }
}
