/**
 * Scenarios: the YAML contract (workload, fleet, policies, days, seed), strict loading with
 * errors that name file, line and field, the built-in presets, and policy selection.
 */
package dev.pollsim.sim.scenario;
