package dev.pollsim.report.budget;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.pollsim.sim.scenario.Located;
import dev.pollsim.sim.scenario.ScenarioException;
import java.util.List;

/**
 * One entry of {@code budgets:}: a scenario, how to run it, and the limits of its policy labels.
 *
 * @param scenario a preset name, or a scenario file (ending in {@code .yaml} or {@code .yml}, or
 *     holding a {@code /}) relative to the budgets file
 * @param name the name results are reported and matched with a baseline under (default: the
 *     scenario's own name)
 * @param days simulated days instead of the scenario's ({@code run --days})
 * @param seed master seed instead of the scenario's ({@code run --seed})
 * @param set {@code LABEL.PARAM=VALUE} assignments ({@code run --set})
 * @param tolerance widens every limit of this entry, instead of the file's
 * @param regression with a baseline, the largest growth allowed, instead of the file's
 * @param policies the labels to check, in file order, each with its limits
 */
public record ScenarioBudget(
        @JsonDeserialize(using = Readers.Text.class) Located scenario,
        String name,
        @JsonDeserialize(using = Readers.Days.class) Integer days,
        Long seed,
        @JsonDeserialize(contentUsing = Readers.Text.class) List<Located> set,
        Percent tolerance,
        Percent regression,
        @JsonDeserialize(using = Readers.Policies.class) List<PolicyBudget> policies) {

    public ScenarioBudget {
        set = set == null ? List.of() : List.copyOf(set);
        policies = policies == null ? List.of() : List.copyOf(policies);
    }

    /**
     * Refuses an entry without a scenario or a label to check. Done after reading, not in the
     * constructor, so that a misspelt field is reported as such rather than as a missing one.
     *
     * @param field the entry's path, {@code budgets[0]}
     */
    void validate(String source, String field) {
        if (scenario == null) {
            throw where(source, field, "missing scenario; expected a preset name such as default, or a scenario"
                    + " file relative to the budgets file");
        }
        if (policies.isEmpty()) {
            throw scenario.error(field, "missing policies; expected the labels to check with their limits, such as"
                    + " {exp-idle: {requestsPerDay: 12000}}");
        }
        if (name != null && name.isBlank()) {
            throw scenario.error(field + ".name", "expected a name for the results, such as default-short, got nothing");
        }
    }

    private ScenarioException where(String source, String field, String what) {
        return policies.isEmpty() ? ScenarioException.at(source, 0, 0, field, what)
                : policies.get(0).label().error(field, what);
    }
}
