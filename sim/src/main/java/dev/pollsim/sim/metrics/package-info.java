/**
 * What a run measures: requests by kind, per daemon and per hour, wake latency recorded with
 * HdrHistogram, and where every job ended up.
 */
package dev.pollsim.sim.metrics;
