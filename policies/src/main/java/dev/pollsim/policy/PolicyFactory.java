package dev.pollsim.policy;

import java.util.random.RandomGenerator;

/** Makes the policy instance of one loop; called once per loop when a run (or daemon) starts. */
@FunctionalInterface
public interface PolicyFactory {

    /**
     * @param random the loop's own seeded stream, for policies that jitter; never shared
     * @return a fresh policy in its initial state
     */
    PollPolicy create(RandomGenerator random);
}
