package dev.pollsim.report.budget;

import java.util.List;

/**
 * A whole check: every budget entry's rules against its run.
 *
 * @param budgets the budgets file, as named on the command line
 * @param withBaseline whether a baseline was given (reports then show its columns)
 * @param scenarios one per budget entry, in file order
 */
public record CheckReport(String budgets, boolean withBaseline, List<ScenarioResult> scenarios) {

    public CheckReport {
        scenarios = List.copyOf(scenarios);
    }

    /** Every rule's result, in order. */
    public List<RuleResult> rules() {
        return scenarios.stream().flatMap(s -> s.rules().stream()).toList();
    }

    /** The broken rules, in order. */
    public List<RuleResult> broken() {
        return rules().stream().filter(r -> r.verdict().broken()).toList();
    }

    /** True when every rule holds: exit 0. */
    public boolean passed() {
        return broken().isEmpty();
    }

    /** Rules a baseline was given for but that it could not be compared with. */
    public long withoutBaseline() {
        return withBaseline ? rules().stream().filter(r -> r.comparison() == null && r.value() != null).count() : 0;
    }

    /** One line: {@code check passed: all 42 rules hold} or {@code check failed: 2 of 42 rules broken}. */
    public String summary() {
        int total = rules().size();
        int broken = broken().size();
        String line = broken == 0
                ? "check passed: " + (total == 1 ? "the rule holds" : "all " + total + " rules hold")
                : "check failed: " + broken + " of " + total + " rule" + (total == 1 ? "" : "s") + " broken";
        long missing = withoutBaseline();
        if (missing > 0) {
            line += " (" + missing + " without a baseline to compare with)";
        }
        return line;
    }
}
