/**
 * Workloads: arrival processes (Poisson, diurnal, on/off, burst), service times, and the
 * {@link dev.pollsim.sim.workload.ArrivalSource} stream the simulation reads one job at a time.
 */
package dev.pollsim.sim.workload;
