package dev.pollsim.report.budget;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;
import dev.pollsim.sim.scenario.ScenarioException;
import dev.pollsim.sim.scenario.ScenarioLoader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

/**
 * A budgets file: the limits CI holds a change to, per scenario and policy label. Read as
 * strictly as a scenario: unknown fields, duplicate keys, wrong types, malformed durations and
 * percentages are refused with a {@link ScenarioException} naming the file, line, column and
 * field. Scenarios and labels are checked when the budgets are planned ({@link BudgetCheck#plan}).
 *
 * <pre>
 * tolerance: 2%            # widens every limit (default 0%)
 * regression: 10%          # with --baseline, the largest growth allowed (default 10%)
 * budgets:
 *   - scenario: default
 *     policies:
 *       exp-idle: {requestsPerDay: 12000, wakeLatency: {p99: 90s}}
 * </pre>
 *
 * @param tolerance widens every limit: a value passes up to {@code limit x (1 + tolerance)}
 * @param regression with a baseline, a metric that grew by more than this fails
 * @param budgets the scenarios to run, in file order
 * @param source the file, for messages and to resolve scenario files
 */
public record Budgets(
        Percent tolerance,
        Percent regression,
        List<ScenarioBudget> budgets,
        @JacksonInject(value = ScenarioLoader.SOURCE, useInput = OptBoolean.FALSE) String source) {

    /** The regression threshold when the file names none. */
    public static final Percent DEFAULT_REGRESSION = new Percent(BigDecimal.TEN);

    public Budgets {
        tolerance = tolerance == null ? Percent.ZERO : tolerance;
        regression = regression == null ? DEFAULT_REGRESSION : regression;
        budgets = budgets == null ? List.of() : List.copyOf(budgets);
        source = source == null ? "budgets" : source;
    }

    /** Reads a budgets file. */
    public static Budgets load(Path file) {
        return parse(ScenarioLoader.readText(file), file.toString());
    }

    /**
     * Reads budgets YAML.
     *
     * @param source the file name, used in messages and to resolve scenario files
     */
    public static Budgets parse(String yaml, String source) {
        Budgets b = new ScenarioLoader().read(yaml, source, Budgets.class);
        if (b == null) {
            throw ScenarioException.at(source, 0, 0, "", "the budgets file is empty; expected at least budgets:");
        }
        if (b.budgets().isEmpty()) {
            throw ScenarioException.at(source, 0, 0, "budgets", "expected a list of scenarios with their limits, such as"
                    + " [{scenario: default, policies: {exp-idle: {requestsPerDay: 12000}}}]");
        }
        for (int i = 0; i < b.budgets().size(); i++) {
            b.budgets().get(i).validate(source, "budgets[" + i + "]");
        }
        return b;
    }

    /** The directory scenario files are resolved against: the budgets file's. */
    public Path directory() {
        Path parent = Path.of(source).getParent();
        return parent == null ? Path.of("") : parent;
    }
}
