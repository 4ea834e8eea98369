/**
 * The world being simulated: the shared FIFO work queue, the fleet of daemons with their
 * worker slots and poll loops, and the run that drives them on the event list.
 */
package dev.pollsim.sim.model;
