/**
 * Sweeps and tuning: independent cells (a scenario, a policy, parameter assignments and a
 * replication seed) that a pure function turns into a result, run in parallel and gathered by
 * index; means with 95% Student-t confidence intervals over replications, a sequential mode,
 * the Pareto frontier of requests per day against p99 wake latency, and a seeded optimiser.
 */
package dev.pollsim.sim.sweep;
