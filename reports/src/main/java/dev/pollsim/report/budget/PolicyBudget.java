package dev.pollsim.report.budget;

import dev.pollsim.sim.scenario.Located;

/**
 * The limits of one policy label in one budget entry.
 *
 * @param label the label as written, located for messages about it
 * @param limits its limits
 */
public record PolicyBudget(Located label, Limits limits) {}
