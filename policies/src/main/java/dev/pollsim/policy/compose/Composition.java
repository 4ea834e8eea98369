package dev.pollsim.policy.compose;

import dev.pollsim.policy.param.Durations;
import java.util.List;
import java.util.Objects;

/**
 * Every part of a composed policy, checked. Immutable; shared by the policy instances of every
 * loop of a run.
 *
 * @param curve the idle curve
 * @param resets what snaps the curve back to its floor
 * @param saturation what a saturated tick does to the curve
 * @param errorsAsIdle an error tick counts as an idle tick instead of running the error backoff
 * @param rateLimited the error backoff after a 429
 * @param other the error backoff after any other error
 * @param jitter how delays are spread
 * @param suspendAfterUs idle time after which the loop stops polling until a wake; 0 never
 * @param wakes what wakes the loop
 * @param deadlineClampFloorUs the least delay when the next poll is clamped to the nearest known
 *     deadline, or {@link #NO_CLAMP}
 * @param batch the most jobs per tick and the pause between spawns
 */
public record Composition(Curve curve, Resets resets, Saturation saturation, boolean errorsAsIdle,
        ErrorBackoff rateLimited, ErrorBackoff other, Jitter jitter, long suspendAfterUs, Wakes wakes,
        long deadlineClampFloorUs, Batch batch) {

    /** Marker of {@link #deadlineClampFloorUs}: no clamp to deadlines. */
    public static final long NO_CLAMP = -1L;

    public Composition {
        Objects.requireNonNull(curve, "curve");
        Objects.requireNonNull(resets, "resets");
        Objects.requireNonNull(saturation, "saturation");
        Objects.requireNonNull(rateLimited, "rateLimited");
        Objects.requireNonNull(other, "other");
        Objects.requireNonNull(jitter, "jitter");
        Objects.requireNonNull(wakes, "wakes");
        Objects.requireNonNull(batch, "batch");
        if (suspendAfterUs < 0 || (suspendAfterUs > 0 && !wakes.any())) {
            throw new IllegalArgumentException("a loop that suspends needs a wake source");
        }
        if (deadlineClampFloorUs < NO_CLAMP) {
            throw new IllegalArgumentException("deadline clamp floor must be >= 0");
        }
    }

    /**
     * What a reader of this policy's results should know about its setting: a suspend window that
     * only a freed slot can end lets a loop that suspends while none of its daemon's jobs runs
     * sleep for good (its work waits for other daemons, or is stranded). Allowed, as a loop with
     * long jobs running may mean it; said, as it is more often a slip.
     */
    public List<String> warnings() {
        if (suspendAfterUs > 0 && wakes.freedSlot() && !wakes.localEnqueue() && !wakes.retryDeadline()) {
            return List.of("suspendAfter " + Durations.format(suspendAfterUs) + " with wakeOn [freedSlot] alone: a loop"
                    + " that suspends while none of its daemon's jobs runs never polls again (add localEnqueue or"
                    + " retryDeadline to wakeOn)");
        }
        return List.of();
    }
}
