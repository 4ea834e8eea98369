package dev.pollsim.sim.model;

import dev.pollsim.policy.TickError;
import dev.pollsim.policy.param.PolicyParams;
import java.util.List;
import java.util.Objects;

/**
 * Everything that goes wrong, or changes, during a run: upstream error windows, job failures
 * with retry deadlines, daemon restarts and config reloads.
 *
 * @param errors windows in which ticks fail
 * @param jobFailures how jobs fail and are retried
 * @param restarts daemon restarts, in time order
 * @param reloads config reloads, in time order
 */
public record FaultPlan(List<ErrorWindow> errors, JobFailures jobFailures, List<Restart> restarts, List<Reload> reloads) {

    /** Nothing goes wrong. */
    public static final FaultPlan NONE = new FaultPlan(List.of(), JobFailures.NONE, List.of(), List.of());

    public FaultPlan {
        errors = List.copyOf(errors);
        Objects.requireNonNull(jobFailures, "jobFailures");
        restarts = List.copyOf(restarts);
        reloads = List.copyOf(reloads);
    }

    /**
     * Between {@code fromUs} (inclusive) and {@code toUs} (exclusive), each tick that reaches the
     * upstream fails with {@code error} with probability {@code rate}.
     */
    public record ErrorWindow(long fromUs, long toUs, TickError error, double rate) {
        public ErrorWindow {
            if (toUs <= fromUs || fromUs < 0) {
                throw new IllegalArgumentException("an error window needs 0 <= from < to");
            }
            if (error == TickError.NONE || !(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("an error window needs an error kind and a rate in [0, 1]");
            }
        }

        boolean covers(long nowUs) {
            return nowUs >= fromUs && nowUs < toUs;
        }
    }

    /**
     * A finished job fails with {@code probability} and becomes visible again {@code retryAfterUs}
     * later (seed 001's {@code next_run_at}), up to {@code maxAttempts} runs in all.
     */
    public record JobFailures(double probability, long retryAfterUs, int maxAttempts) {
        public static final JobFailures NONE = new JobFailures(0, 0, 1);

        public JobFailures {
            if (!(probability >= 0 && probability <= 1) || retryAfterUs < 0 || maxAttempts < 1 || maxAttempts > 100) {
                throw new IllegalArgumentException("job failures need a probability in [0, 1], retryAfter >= 0 and"
                        + " maxAttempts in 1..100");
            }
        }
    }

    /**
     * Daemon {@code daemon} (or every daemon when negative) restarts at {@code atUs}: its loops'
     * in-memory state and pending wakes are lost, and its loops start again {@code downtimeUs}
     * later. Running workers keep running.
     */
    public record Restart(long atUs, int daemon, long downtimeUs) {
        public static final int ALL = -1;

        public Restart {
            if (atUs < 0 || downtimeUs < 0) {
                throw new IllegalArgumentException("a restart needs at >= 0 and downtime >= 0");
            }
        }
    }

    /**
     * A live config reload at {@code atUs} (seed 004's SIGHUP): a new worker-slot count for every
     * daemon (0 keeps it) and new hot parameters for the policy ({@code null} keeps them). Running
     * workers keep the settings they started with.
     */
    public record Reload(long atUs, int maxConcurrent, PolicyParams params) {
        public Reload {
            if (atUs < 0 || maxConcurrent < 0) {
                throw new IllegalArgumentException("a reload needs at >= 0 and maxConcurrent >= 0");
            }
        }
    }
}
