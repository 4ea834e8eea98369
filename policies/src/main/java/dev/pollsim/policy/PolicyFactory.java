package dev.pollsim.policy;

import java.util.List;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Makes the policy instances of a daemon's loops, and says how the daemon is laid out and which
 * signals the world must send it. One factory serves one run; {@link #create} is called once per
 * loop when a run starts and again when a daemon restarts.
 */
public interface PolicyFactory {

    /** The loops of each daemon, in order; most policies run one worker loop. */
    default List<LoopSpec> loops() {
        return List.of(LoopSpec.WORKER);
    }

    /**
     * @param loop the loop to make a policy for
     * @param random the loop's own seeded stream, for policies that jitter; never shared
     * @return a fresh policy in its initial state; a policy with no state at all may be one
     *     instance returned for every loop, which the simulator then holds once
     */
    PollPolicy create(LoopSpec loop, RandomGenerator random);

    /**
     * Whether the world should send {@link WakeKind#WORK_VISIBLE} wakes, an omniscient signal no
     * real daemon has; only the oracle lower bound uses it.
     */
    default boolean hearsVisibleWork() {
        return false;
    }

    /**
     * Whether the daemon wakes its loops at a known deadline (a failed job's retry time); seed
     * 001's first version did not.
     */
    default boolean hearsDeadlineWakes() {
        return true;
    }

    /**
     * Whether a restarted daemon rebuilds its deadline wakes (retries) from persisted state;
     * otherwise a restart loses them with the rest of its memory.
     */
    default boolean rebuildsDeadlineWakesOnRestart() {
        return false;
    }

    /**
     * What a reader of the results of this factory's policies should know about their setting
     * (one that may let a loop stop for good, say); printed with the run's results. None by
     * default.
     */
    default List<String> warnings() {
        return List.of();
    }

    /** A factory of one worker loop per daemon. */
    static PolicyFactory single(Function<RandomGenerator, PollPolicy> make) {
        return (loop, random) -> make.apply(random);
    }
}
