package dev.pollsim.report.budget;

import java.util.List;

/**
 * Every rule of one budget entry against its run.
 *
 * @param scenario the scenario's name in reports
 * @param seed the run's master seed
 * @param days simulated days
 * @param daemons fleet size
 * @param rules each rule's result, in file order (policies), then {@link Metric} order
 * @param notes about the whole entry (a baseline run with another seed or length)
 */
public record ScenarioResult(String scenario, long seed, int days, int daemons, List<RuleResult> rules,
        List<String> notes) {

    public ScenarioResult {
        rules = List.copyOf(rules);
        notes = List.copyOf(notes);
    }
}
