/**
 * Budgets for CI: a YAML file of limits per scenario and policy label ({@link
 * dev.pollsim.report.budget.Budgets}), the check of a run's results against them and against a
 * baseline ({@link dev.pollsim.report.budget.BudgetCheck}), and its reports: an aligned table,
 * JUnit XML and Markdown.
 */
package dev.pollsim.report.budget;
