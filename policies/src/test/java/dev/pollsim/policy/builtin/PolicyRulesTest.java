package dev.pollsim.policy.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pollsim.policy.LoopSpec;
import dev.pollsim.policy.LoopState;
import dev.pollsim.policy.PolicyDefinition;
import dev.pollsim.policy.PollPolicy;
import dev.pollsim.policy.TickError;
import dev.pollsim.policy.TickOutcome;
import dev.pollsim.policy.WakeKind;
import dev.pollsim.policy.param.Ratio;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every built-in policy names the rule behind its last answer, for {@code pollsim explain}. */
class PolicyRulesTest {

    private static final long S = 1_000_000L;
    private final TickOutcome outcome = new TickOutcome();

    private TickOutcome idle() {
        return outcome.set(0, 0, false, TickError.NONE, TickOutcome.NO_DEADLINE);
    }

    private TickOutcome work() {
        return outcome.set(1, 0, false, TickError.NONE, TickOutcome.NO_DEADLINE);
    }

    @Test
    void expIdleShouldNameItsCurveResetsErrorsClampAndWakes() {
        ExpIdlePolicy p = ExpIdlePolicy.seedDefaults();
        assertThat(p.rule()).isEqualTo("start");
        p.onTick(0, idle());
        assertThat(p.rule()).isEqualTo("idle x1.5 (cap 2m)");
        p.onTick(0, work());
        assertThat(p.rule()).isEqualTo("reset: work");
        p.onTick(0, outcome.set(0, 1, false, TickError.NONE, TickOutcome.NO_DEADLINE));
        assertThat(p.rule()).isEqualTo("reset: pool changed");
        p.onTick(0, outcome.set(0, 0, true, TickError.NONE, TickOutcome.NO_DEADLINE));
        assertThat(p.rule()).isEqualTo("saturated: hold");
        p.onTick(0, outcome.set(0, 0, false, TickError.RATE_LIMITED, TickOutcome.NO_DEADLINE));
        assertThat(p.rule()).isEqualTo("429 backoff x2 (floor 30s, cap 1m)");
        p.onTick(0, outcome.set(0, 0, false, TickError.SERVER_ERROR, TickOutcome.NO_DEADLINE));
        assertThat(p.rule()).isEqualTo("error backoff x2 (cap 1m)");
        assertThat(p.onTick(0, outcome.set(0, 0, false, TickError.NONE, 3 * S))).isEqualTo(3 * S);
        assertThat(p.rule()).isEqualTo("deadline clamp (floor 1s)");
        p.onSlotFreed(0, LoopState.WAITING);
        assertThat(p.rule()).isEqualTo("freed slot: reset, poll at base 10s");
        p.onWake(0, WakeKind.DEADLINE, LoopState.WAITING);
        assertThat(p.rule()).isEqualTo("deadline: reset, poll now");
        p.onWake(0, WakeKind.LOCAL_ENQUEUE, LoopState.WAITING);
        assertThat(p.rule()).isEqualTo("no wake bus: ignored");
    }

    @Test
    void hibernateShouldNameLeasesBackoffSuspendAndEachWakeOutcome() {
        HibernatePolicy.Backoff b = new HibernatePolicy.Backoff(S, 30 * S, new Ratio(2, 1), 0, 3 * S);
        HibernatePolicy p = new HibernatePolicy(b, HibernatePolicy.Flaws.NONE, new SplittableRandom(1));
        p.onTick(0, idle());
        assertThat(p.rule()).isEqualTo("empty lease x2 (ceiling 30s)");
        p.onTick(0, work());
        assertThat(p.rule()).isEqualTo("lease: floor 1s");
        p.onTick(0, idle());
        assertThat(p.onTick(0, idle())).isEqualTo(PollPolicy.SUSPEND);
        assertThat(p.rule()).isEqualTo("suspend: idle 3s");
        p.onWake(0, WakeKind.LOCAL_ENQUEUE, LoopState.SUSPENDED);
        assertThat(p.rule()).isEqualTo("wake: re-arm at floor 1s");
        p.onWake(0, WakeKind.LOCAL_ENQUEUE, LoopState.WAITING);
        assertThat(p.rule()).isEqualTo("wake: sooner poll kept");
        p.onWake(0, WakeKind.LOCAL_ENQUEUE, LoopState.IN_FLIGHT);
        assertThat(p.rule()).isEqualTo("wake in flight: re-applied after the tick");
        p.onTick(0, idle());
        assertThat(p.rule()).isEqualTo("wake during the tick: floor 1s");
        HibernatePolicy jittered = new HibernatePolicy(new HibernatePolicy.Backoff(S, 30 * S, new Ratio(2, 1), 20, 0),
                new HibernatePolicy.Flaws(true, true), new SplittableRandom(1));
        jittered.onTick(0, idle());
        assertThat(jittered.rule()).isEqualTo("empty lease x2 (ceiling 30s), jitter -20%");
        jittered.onWake(0, WakeKind.LOCAL_ENQUEUE, LoopState.WAITING);
        assertThat(jittered.rule()).isEqualTo("wake: a backed-off loop keeps its timer (review finding)");
        jittered.onWake(0, WakeKind.LOCAL_ENQUEUE, LoopState.IN_FLIGHT);
        assertThat(jittered.rule()).isEqualTo("wake in flight: lost to the tick's outcome (review finding)");
    }

    @Test
    void theOtherSeedsShouldNameTheirRules() {
        ReaperPolicy r = new ReaperPolicy(30 * S, 2);
        r.onTick(0, idle().seen(1, 0));
        assertThat(r.rule()).isEqualTo("sweep: work pending");
        r.onTick(0, idle().seen(0, 0));
        assertThat(r.rule()).isEqualTo("sweep: nothing pending");
        r.onTick(0, idle().seen(0, 0));
        assertThat(r.rule()).isEqualTo("suspend: 2 idle sweeps");

        IdleStreakPolicy s = new IdleStreakPolicy(5 * S, 8, 25_000, Long.MAX_VALUE, false);
        s.onTick(0, idle());
        assertThat(s.rule()).isEqualTo("idle streak: base x2^min(streak, 7)");
        s.onTick(0, work());
        assertThat(s.rule()).isEqualTo("reset: work");
        IdleStreakPolicy bug = new IdleStreakPolicy(5 * S, 8, 25_000, S, true);
        bug.onTick(0, idle());
        assertThat(bug.rule()).isEqualTo("clamp bug: due once the base 5s has elapsed");

        GastownPolicy g = new GastownPolicy(GastownPolicy.Strategy.GEOMETRIC, 300 * S, 1_800 * S, new Ratio(3, 2), 300 * S);
        g.onTick(0, idle());
        assertThat(g.rule()).isEqualTo("miss: x1.5 (max 30m), on the next 5m beat");
        g.onTick(0, work());
        assertThat(g.rule()).isEqualTo("activity: base 5m, on the next 5m beat");

        BatchedPolicy batched = new BatchedPolicy(5 * S, 4, 50_000, 150_000, new SplittableRandom(1));
        batched.onTick(0, idle());
        assertThat(batched.rule()).isEqualTo("spawns, then sleep 5s");
        FixedIntervalPolicy fixed = new FixedIntervalPolicy(10 * S);
        fixed.onTick(0, idle());
        assertThat(fixed.rule()).isEqualTo("fixed 10s");
        OraclePolicy o = new OraclePolicy();
        o.onWake(0, WakeKind.WORK_VISIBLE, LoopState.SUSPENDED);
        assertThat(o.rule()).isEqualTo("work visible: poll now");
        o.onTick(0, idle());
        assertThat(o.rule()).isEqualTo("sleep until work is visible");
    }

    @Test
    void everyCataloguePolicyShouldNameARuleAfterATick() {
        for (PolicyDefinition d : BuiltinPolicies.catalogue().withDefaults()) {
            var factory = d.factory(d.resolve(Map.of()));
            for (LoopSpec loop : factory.loops()) {
                PollPolicy p = factory.create(loop, new SplittableRandom(1));
                p.onTick(0, idle());
                assertThat(p.rule()).as(d.name() + " " + loop.name()).isNotBlank();
            }
        }
    }
}
