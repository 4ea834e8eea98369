package dev.pollsim.sim.explain;

import dev.pollsim.policy.LoopSpec;
import dev.pollsim.policy.LoopState;
import dev.pollsim.policy.PolicyFactory;
import dev.pollsim.policy.PollPolicy;
import dev.pollsim.policy.TickOutcome;
import dev.pollsim.policy.WakeKind;
import dev.pollsim.policy.param.PolicyParams;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Wraps a policy factory so that the rule behind each answer can be read as the simulation
 * reports it. The simulation calls a policy ({@code onTick}, {@code onSlotFreed}, {@code onWake})
 * and tells its {@link dev.pollsim.sim.model.SimObserver} the answer straight after, on one
 * thread; so the policy that answered last is the one the observer hears about. A policy that
 * keeps the SPI's default {@code onSlotFreed} or {@code onWake} ignores that signal: its rule is
 * then {@link #IGNORED_SLOT} or {@link #IGNORED_WAKE}, not whatever it said last. Every other call
 * is passed through unchanged, so a tapped run is the same run. NOT thread-safe.
 */
final class RuleTap implements PolicyFactory {

    /** The rule of a policy that has no {@code onSlotFreed} of its own. */
    static final String IGNORED_SLOT = "freed slot: ignored";
    /** The rule of a policy that has no {@code onWake} of its own. */
    static final String IGNORED_WAKE = "wake: ignored";

    private final PolicyFactory inner;
    private PollPolicy last;
    private String lastDefault;

    RuleTap(PolicyFactory inner) {
        this.inner = inner;
    }

    /** The rule behind the answer given last, by whichever loop gave it. */
    String lastRule() {
        if (lastDefault != null) {
            return lastDefault;
        }
        return last == null ? "" : last.rule();
    }

    @Override
    public List<LoopSpec> loops() {
        return inner.loops();
    }

    @Override
    public PollPolicy create(LoopSpec loop, RandomGenerator random) {
        return new Tapped(inner.create(loop, random));
    }

    @Override
    public boolean hearsVisibleWork() {
        return inner.hearsVisibleWork();
    }

    @Override
    public List<String> warnings() {
        return inner.warnings();
    }

    @Override
    public boolean hearsDeadlineWakes() {
        return inner.hearsDeadlineWakes();
    }

    @Override
    public boolean rebuildsDeadlineWakesOnRestart() {
        return inner.rebuildsDeadlineWakesOnRestart();
    }

    /** A policy that remembers it answered last. */
    final class Tapped implements PollPolicy {

        private final PollPolicy policy;
        private final boolean ownSlotFreed;
        private final boolean ownWake;

        Tapped(PollPolicy policy) {
            this.policy = policy;
            this.ownSlotFreed = overrides(policy, "onSlotFreed", long.class, LoopState.class);
            this.ownWake = overrides(policy, "onWake", long.class, WakeKind.class, LoopState.class);
        }

        @Override
        public long initialIntervalUs() {
            return policy.initialIntervalUs();
        }

        @Override
        public boolean startsSuspended() {
            return policy.startsSuspended();
        }

        @Override
        public int batchLimit() {
            return policy.batchLimit();
        }

        @Override
        public long spawnGapUs() {
            return policy.spawnGapUs();
        }

        @Override
        public long reportedDueUs(long nowUs, long delayUs) {
            return policy.reportedDueUs(nowUs, delayUs);
        }

        @Override
        public boolean duesAreTicks() {
            return policy.duesAreTicks();
        }

        @Override
        public void reconfigure(PolicyParams params) {
            policy.reconfigure(params);
        }

        @Override
        public String rule() {
            return policy.rule();
        }

        @Override
        public long steadyIdlePeriodUs() {
            return policy.steadyIdlePeriodUs();
        }

        @Override
        public long onTick(long nowUs, TickOutcome outcome) {
            last = policy;
            lastDefault = null;
            return policy.onTick(nowUs, outcome);
        }

        @Override
        public long onSlotFreed(long nowUs, LoopState state) {
            last = policy;
            lastDefault = ownSlotFreed ? null : IGNORED_SLOT;
            return policy.onSlotFreed(nowUs, state);
        }

        @Override
        public long onWake(long nowUs, WakeKind kind, LoopState state) {
            last = policy;
            lastDefault = ownWake ? null : IGNORED_WAKE;
            return policy.onWake(nowUs, kind, state);
        }
    }

    /** Whether the policy's class has its own version of an SPI method, rather than the default. */
    private static boolean overrides(PollPolicy policy, String method, Class<?>... parameters) {
        try {
            return policy.getClass().getMethod(method, parameters).getDeclaringClass() != PollPolicy.class;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("the SPI has no " + method, e);
        }
    }
}
