package dev.pollsim.policy.compose;

import dev.pollsim.policy.LoopSpec;
import dev.pollsim.policy.PolicyFactory;
import dev.pollsim.policy.PollPolicy;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Makes the loops of a composed policy: one worker loop per daemon, each with its own state and
 * jitter stream, sharing the parts and their rule texts. The world sends it every retry-deadline
 * wake (the policy ignores one unless {@code retryDeadline} is a wake source), as it does the seed
 * policies, and a restart loses the pending ones: they are in-memory timers, as in seed 000.
 */
public final class ComposedFactory implements PolicyFactory {

    private final Composition composition;
    private final Rules rules;

    public ComposedFactory(Composition composition) {
        this.composition = composition;
        this.rules = new Rules(composition);
    }

    /** The parts this factory builds from. */
    public Composition composition() {
        return composition;
    }

    @Override
    public List<String> warnings() {
        return composition.warnings();
    }

    @Override
    public PollPolicy create(LoopSpec loop, RandomGenerator random) {
        return new ComposedPolicy(composition, rules, random);
    }
}
