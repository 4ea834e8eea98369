package dev.pollsim.report.budget;

import java.math.BigDecimal;

/**
 * One limit on one metric of one policy label in one scenario: what a check passes or fails.
 *
 * @param scenario the scenario's name in reports
 * @param label the policy label
 * @param metric what is limited
 * @param limit the most allowed, in the run JSON's unit (milliseconds for latencies)
 * @param tolerance widens the limit: a value passes up to {@code limit x (1 + tolerance)}
 * @param regression with a baseline, a value that grew by more than this fails
 */
public record Rule(String scenario, String label, Metric metric, BigDecimal limit, Percent tolerance,
        Percent regression) {

    /** The rule's name in every report: {@code default / exp-idle / requestsPerDay}. */
    public String name() {
        return scenario + " / " + label + " / " + metric.key();
    }

    /** The most a value may be and pass: the limit widened by the tolerance. */
    public BigDecimal allowed() {
        return Metric.plain(limit.multiply(BigDecimal.ONE.add(tolerance.fraction())));
    }
}
