package dev.pollsim.sim.metrics;

/**
 * Where every job that arrived ended up: {@code arrived == picked + stranded}.
 *
 * @param arrived jobs that became visible before the horizon
 * @param picked jobs a tick took off the queue
 * @param stranded jobs still queued at the horizon: a cost of the policy, never hidden
 * @param completed picked jobs whose worker finished before the horizon
 */
public record JobCounts(long arrived, long picked, long stranded, long completed) {}
