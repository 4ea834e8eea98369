package dev.pollsim.policy;

import java.util.Objects;

/**
 * One poll loop of a daemon, as a policy lays its daemon out: seed 001 runs several kind-worker
 * loops and a reaper, seed 003 one loop per supervised agent.
 *
 * @param name the loop's name in reports ({@code worker}, {@code worker-2}, {@code reaper})
 * @param role what its ticks do
 * @param lane the work-queue lane a worker takes jobs from; ignored for a reaper
 */
public record LoopSpec(String name, Role role, int lane) {

    /** The single worker loop of most policies. */
    public static final LoopSpec WORKER = new LoopSpec("worker", Role.WORKER, 0);

    /** What a loop's ticks do. */
    public enum Role {
        /** Polls its lane for work and starts jobs; its requests are empty or work polls. */
        WORKER,
        /**
         * Sweeps the queue for expired leases and takes no job; its requests are maintenance
         * ({@code heartbeat}) requests.
         */
        REAPER
    }

    public LoopSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        if (lane < 0) {
            throw new IllegalArgumentException("lane must be >= 0, got " + lane);
        }
    }
}
