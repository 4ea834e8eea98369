/**
 * {@code pollsim explain}: the event timeline of one daemon under one policy, tick by tick, with
 * the rule behind each decision.
 */
package dev.pollsim.sim.explain;
