package dev.pollsim.report.budget;

import java.math.BigDecimal;
import java.util.List;

/**
 * A rule against a run (and a baseline).
 *
 * @param rule the rule
 * @param value the metric, in the run JSON's unit; {@code null} when the run has none (no job
 *     picked up, so no latency)
 * @param marginPercent {@code (limit - value) / limit} in percent, rounded half-even to 0.1;
 *     {@code null} without a value or with a limit of 0
 * @param comparison against the baseline; {@code null} without one, or when it lacks the metric
 * @param verdict pass, fail or regression
 * @param notes what a reader should know beyond the numbers ({@code no job picked up}, {@code no
 *     baseline}, {@code within the 2% tolerance})
 */
public record RuleResult(Rule rule, BigDecimal value, BigDecimal marginPercent, Comparison comparison,
        Verdict verdict, List<String> notes) {

    public RuleResult {
        notes = List.copyOf(notes);
    }

    /**
     * The metric against the baseline's.
     *
     * @param baseline the baseline's value
     * @param changePercent {@code (value - baseline) / baseline} in percent, rounded half-even to
     *     0.1; {@code null} when the baseline is 0
     * @param regressed whether the growth is over the rule's regression threshold (any growth
     *     from 0 is)
     */
    public record Comparison(BigDecimal baseline, BigDecimal changePercent, boolean regressed) {}
}
