package dev.pollsim.sim.metrics;

/**
 * What the poll loops did, over the whole fleet.
 *
 * @param ticks loop ticks
 * @param saturatedTicks ticks that found every slot busy and made no request
 * @param suspends times a loop stopped re-arming its timer
 * @param wakes times a wake re-armed a suspended loop
 * @param restarts daemon restarts
 * @param maxOverdueUs the longest a tick came after the due time its daemon had reported
 */
public record LoopCounts(long ticks, long saturatedTicks, long suspends, long wakes, long restarts, long maxOverdueUs) {}
