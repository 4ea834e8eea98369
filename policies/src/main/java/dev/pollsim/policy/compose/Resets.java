package dev.pollsim.policy.compose;

/**
 * What snaps a composed policy's idle curve back to its floor.
 *
 * @param work a tick that started a job
 * @param freedSlot a tick that saw a worker of its daemon finish since the last tick (a pool change)
 * @param wake a wake from one of the policy's wake sources, at once
 */
public record Resets(boolean work, boolean freedSlot, boolean wake) {}
