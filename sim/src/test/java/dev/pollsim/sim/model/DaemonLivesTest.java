package dev.pollsim.sim.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pollsim.policy.LoopSpec;
import dev.pollsim.policy.PolicyFactory;
import dev.pollsim.policy.PollPolicy;
import dev.pollsim.policy.TickOutcome;
import dev.pollsim.policy.builtin.BuiltinPolicies;
import dev.pollsim.policy.param.PolicyParams;
import dev.pollsim.sim.engine.RandomStreams;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DaemonLivesTest {

    private static final long SEED = 7;

    /** A policy that keeps the first number its stream drew and the parameters it was last given. */
    private static final class Drawn implements PollPolicy {
        final long first;
        PolicyParams params;

        Drawn(long first) {
            this.first = first;
        }

        @Override
        public long initialIntervalUs() {
            return 1;
        }

        @Override
        public long onTick(long nowUs, TickOutcome outcome) {
            return 1;
        }

        @Override
        public void reconfigure(PolicyParams params) {
            this.params = params;
        }
    }

    private final PolicyFactory factory = (loop, random) -> new Drawn(random.nextLong());
    private final LoopSpec[] loops = {LoopSpec.WORKER, LoopSpec.WORKER};
    private final DaemonLives lives = new DaemonLives(factory, new RandomStreams(SEED), loops, 3, true);

    private static long firstOf(String stream) {
        return new RandomStreams(SEED).stream(stream).nextLong();
    }

    @Test
    void shouldMakeEachLoopsFirstPolicyOnItsOwnJitterStream() {
        assertThat(((Drawn) lives.first(2, 1)).first).isEqualTo(firstOf("fleet/daemon/2/loop/1/jitter"));
        assertThat(((Drawn) lives.first(0, 0)).first).isEqualTo(firstOf("fleet/daemon/0/loop/0/jitter"));
        assertThat(lives.life(2)).isZero();
    }

    @Test
    void shouldDrawAfreshInEachLifeAfterARestart() {
        lives.restart(1);
        Drawn second = (Drawn) lives.afterRestart(1, 0);
        lives.restart(1);
        Drawn third = (Drawn) lives.afterRestart(1, 0);

        assertThat(second.first).isEqualTo(firstOf("fleet/daemon/1/loop/0/jitter/restart/1"));
        assertThat(third.first).isEqualTo(firstOf("fleet/daemon/1/loop/0/jitter/restart/2"));
        assertThat(lives.life(1)).isEqualTo(2);
        assertThat(lives.life(0)).as("another daemon's life goes on").isZero();
        assertThat(second.params).as("no reload yet").isNull();
    }

    @Test
    void shouldStartTheLivesAfterAReloadWithItsParameters() {
        PolicyParams reloaded = BuiltinPolicies.catalogue().find("exp-idle").orElseThrow().resolve(Map.of());
        lives.reload(reloaded);
        lives.restart(0);

        assertThat(((Drawn) lives.afterRestart(0, 1)).params).isSameAs(reloaded);
        assertThat(((Drawn) lives.first(0, 1)).params).as("a first policy is made before any reload").isNull();
    }

    @Test
    void shouldCountNoLifeInARunWithoutRestarts() {
        DaemonLives once = new DaemonLives(factory, new RandomStreams(SEED), loops, 3, false);

        assertThat(once.life(2)).isZero();
    }
}
