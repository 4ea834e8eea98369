/**
 * The discrete-event engine: the primitive event list, event kinds and their order at one
 * instant, and the seeded random streams. Simulated time is a {@code long} of microseconds.
 */
package dev.pollsim.sim.engine;
