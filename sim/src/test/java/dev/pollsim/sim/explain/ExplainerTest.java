package dev.pollsim.sim.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pollsim.policy.LoopState;
import dev.pollsim.policy.PolicyFactory;
import dev.pollsim.policy.PollPolicy;
import dev.pollsim.policy.TickError;
import dev.pollsim.policy.WakeKind;
import dev.pollsim.policy.builtin.BuiltinPolicies;
import dev.pollsim.policy.param.Durations;
import dev.pollsim.sim.engine.RandomStreams;
import dev.pollsim.sim.metrics.PolicyResult;
import dev.pollsim.sim.model.FleetSimulation;
import dev.pollsim.sim.run.ScenarioRunner;
import dev.pollsim.sim.scenario.PolicySelection;
import dev.pollsim.sim.scenario.Presets;
import dev.pollsim.sim.scenario.ResolvedPolicy;
import dev.pollsim.sim.scenario.Scenario;
import dev.pollsim.sim.scenario.ScenarioException;
import dev.pollsim.sim.scenario.ScenarioLoader;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The timeline of one daemon, worked out by hand on a small scenario. */
class ExplainerTest {

    private static final long S = 1_000_000L;

    /**
     * One daemon, two slots, ticks from 0; three local jobs of 20 s at 25 s. The composed policy
     * doubles from 10 s to 40 s, wakes on a local enqueue and suspends after a minute idle.
     */
    static final String SMALL = String.join("\n",
            "name: small",
            "days: 1",
            "seed: 1",
            "workload: {kind: burst, count: 3, at: 25s, serviceTime: 20s}",
            "fleet: {daemons: 1, maxConcurrent: 2, requestsPerTick: 1, startPhases: aligned, origin: local}",
            "policies:",
            "  mine:",
            "    policy: composed",
            "    curve: {kind: exponential, floor: 10s, cap: 40s}",
            "    wakeOn: [localEnqueue]",
            "    suspendAfter: 1m",
            "");

    private static Scenario parse(String yaml) {
        return new ScenarioLoader().parse(yaml, "small.yaml");
    }

    private static ResolvedPolicy policy(Scenario s, String label) {
        return new PolicySelection(BuiltinPolicies.catalogue()).select(s, List.of(label), List.of()).get(0);
    }

    private static String line(TimelineEvent e) {
        String at = (e.atUs() / S) + "s ";
        if (e instanceof TimelineEvent.Tick) {
            TimelineEvent.Tick t = (TimelineEvent.Tick) e;
            return at + "tick " + t.dispatched() + (t.saturated() ? " saturated" : "") + " -> "
                    + (t.nextDelayUs() == PollPolicy.SUSPEND ? "suspend" : t.nextDelayUs() / S + "s") + " (" + t.rule() + ")";
        }
        if (e instanceof TimelineEvent.Wake) {
            TimelineEvent.Wake w = (TimelineEvent.Wake) e;
            return at + "wake " + w.kind() + " " + w.state() + " -> "
                    + (w.nextDelayUs() == PollPolicy.KEEP ? "keep" : w.nextDelayUs() / S + "s") + " (" + w.rule() + ")";
        }
        if (e instanceof TimelineEvent.SlotFreed) {
            TimelineEvent.SlotFreed f = (TimelineEvent.SlotFreed) e;
            return at + "freed " + f.state() + " -> " + (f.nextDelayUs() == PollPolicy.KEEP ? "keep" : "re-armed")
                    + " (" + f.rule() + ")";
        }
        if (e instanceof TimelineEvent.Spawn) {
            return at + "spawn waited " + ((TimelineEvent.Spawn) e).waitedUs() / S + "s";
        }
        return at + e.getClass().getSimpleName();
    }

    @Test
    void theSmallScenarioShouldGiveTheTimelineWorkedOutByHand() {
        Scenario s = parse(SMALL);
        Timeline t = Explainer.explain(s, policy(s, "mine"), 0, 0, 3 * 60 * S, 100);
        assertThat(t.events().stream().map(ExplainerTest::line).collect(Collectors.toList())).containsExactly(
                "0s tick 0 -> 20s (idle x2 (cap 40s))",
                "20s tick 0 -> 40s (idle at cap 40s)",
                // the three jobs ring the wake bus: the first pulls the 60 s poll to now
                "25s wake LOCAL_ENQUEUE WAITING -> 0s (local enqueue: reset, poll now)",
                "25s wake LOCAL_ENQUEUE WAITING -> keep (local enqueue: reset, sooner poll kept)",
                "25s wake LOCAL_ENQUEUE WAITING -> keep (local enqueue: reset, sooner poll kept)",
                "25s spawn waited 0s",
                "25s spawn waited 0s",
                "25s tick 2 -> 10s (reset: work)",
                "35s tick 0 saturated -> 10s (saturated: hold)",
                "45s freed WAITING -> keep (freed slot: not a wake source)",
                "45s freed WAITING -> keep (freed slot: not a wake source)",
                "45s spawn waited 20s",
                "45s tick 1 -> 10s (reset: work)",
                "55s tick 0 -> 20s (idle x2 (cap 40s))",
                "65s freed WAITING -> keep (freed slot: not a wake source)",
                "75s tick 0 -> 10s (reset: freed slot)",
                "85s tick 0 -> 20s (idle x2 (cap 40s))",
                "105s tick 0 -> 40s (idle at cap 40s)",
                // 70 s without activity since the reset at 75 s
                "145s tick 0 -> suspend (suspend: idle 1m)");
        assertThat(t.truncated()).isFalse();
        assertThat(t.label()).isEqualTo("mine");
        assertThat(t.policy()).isEqualTo("composed");
        TimelineEvent.Tick first = (TimelineEvent.Tick) t.events().get(0);
        assertThat(first.error()).isEqualTo(TickError.NONE);
        assertThat(first.pendingWork()).isZero();
    }

    @Test
    void theWindowAndTheLimitShouldBoundTheEvents() {
        Scenario s = parse(SMALL);
        Timeline t = Explainer.explain(s, policy(s, "mine"), 0, 25 * S, 45 * S, 100);
        assertThat(t.events()).allSatisfy(e -> assertThat(e.atUs()).isBetween(25 * S, 45 * S - 1)).hasSize(7);
        Timeline capped = Explainer.explain(s, policy(s, "mine"), 0, 0, 3 * 60 * S, 4);
        assertThat(capped.events()).hasSize(4);
        assertThat(capped.truncated()).isTrue();
        assertThat(Explainer.explain(s, policy(s, "mine"), 0, 0, 10 * 24 * 3_600 * S, 100).toUs())
                .isEqualTo(s.horizonUs());
    }

    @Test
    void aWakeOfAHibernatingDaemonShouldShowAsAWakeOfEveryLoop() {
        Scenario s = new Presets(new ScenarioLoader()).find("scale-to-zero").orElseThrow();
        Timeline t = Explainer.explain(s, policy(s, "hibernate"), 1, 0, 24 * 3_600 * S, 10_000);
        assertThat(t.events()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(TimelineEvent.Tick.class,
                tick -> assertThat(tick.rule()).isEqualTo("suspend: idle 5m")));
        assertThat(t.events()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(TimelineEvent.Wake.class, w -> {
            assertThat(w.kind()).isEqualTo(WakeKind.LOCAL_ENQUEUE);
            assertThat(w.state()).isEqualTo(LoopState.SUSPENDED);
            assertThat(w.loop()).isEqualTo("reaper");
            assertThat(w.rule()).isEqualTo("wake: re-arm");
        }));
        assertThat(t.events().stream().map(TimelineEvent::loop).distinct())
                .contains("worker-1", "worker-2", "worker-3", "worker-4", "reaper");
    }

    @Test
    void aPolicyWithoutItsOwnSlotOrWakeHandlerShouldShowTheSignalIgnored() {
        Scenario s = parse(SMALL.replace("policies:", "policies:\n  idle-streak: {}"));
        Timeline t = Explainer.explain(s, policy(s, "idle-streak"), 0, 0, 3 * 60 * S, 100);
        assertThat(t.events()).filteredOn(e -> e instanceof TimelineEvent.SlotFreed).isNotEmpty()
                .allSatisfy(e -> assertThat(((TimelineEvent.SlotFreed) e).rule()).isEqualTo("freed slot: ignored"));
        assertThat(t.events()).filteredOn(e -> e instanceof TimelineEvent.Wake).hasSize(3)
                .allSatisfy(e -> assertThat(((TimelineEvent.Wake) e).rule()).isEqualTo("wake: ignored"));
    }

    @Test
    void aRestartShouldBeOnTheTimelineOfTheDaemonThatRestarted() {
        Scenario s = new Presets(new ScenarioLoader()).find("scale-to-zero").orElseThrow();
        Timeline t = Explainer.explain(s, policy(s, "exp-idle"), 0, 60 * 3_600 * S, 60 * 3_600 * S + 60 * S, 100);
        assertThat(t.events().get(0)).isInstanceOf(TimelineEvent.Restart.class);
        assertThat(t.events().get(0).loop()).isNull();
    }

    @Test
    void aBadDaemonOrWindowShouldBeRefused() {
        Scenario s = parse(SMALL);
        assertThatThrownBy(() -> Explainer.explain(s, policy(s, "mine"), 1, 0, S, 10))
                .isInstanceOf(ScenarioException.class).hasMessage("--daemon 1: the fleet has 1 daemon (0)");
        assertThatThrownBy(() -> Explainer.explain(s, policy(s, "mine"), 0, 2 * S, S, 10))
                .hasMessage("--to 1s: the window must end after it starts (2s)");
        assertThatThrownBy(() -> Explainer.explain(s, policy(s, "mine"), 0, 24 * 3_600 * S, 25 * 3_600 * S, 10))
                .hasMessage("--from 1d: the run lasts only 1d");
    }

    @Test
    void aTappedRunShouldBeTheSameRunAndStoppingAtTheWindowsDayShouldChangeNothingBefore() {
        Scenario s = new Presets(new ScenarioLoader()).find("scale-to-zero").orElseThrow();
        for (String label : List.of("hibernate", "exp-idle", "batched", "oracle")) {
            ResolvedPolicy p = policy(s, label);
            PolicyResult plain = ScenarioRunner.runOne(s, p);
            RuleTap tap = new RuleTap(p.factory());
            Recorder full = new Recorder(tap, tap.loops(), 0, 20 * 3_600 * S, 22 * 3_600 * S, 100_000);
            RandomStreams streams = new RandomStreams(s.seed());
            PolicyResult tapped = new FleetSimulation(ScenarioRunner.world(s, p), tap,
                    s.workload().source(streams, s.fleet().jobOrigin()), streams).observe(full)
                    .result(p.label(), p.definition().name(), p.params().asWritten());
            assertThat(tapped).as(label).isEqualTo(plain);
            Timeline clipped = Explainer.explain(s, p, 0, 20 * 3_600 * S, 22 * 3_600 * S, 100_000);
            assertThat(clipped.events()).as(label).isEqualTo(sorted(full.events()));
        }
    }

    private static List<TimelineEvent> sorted(List<TimelineEvent> events) {
        return events.stream().sorted(java.util.Comparator.comparingLong(TimelineEvent::atUs)).toList();
    }

    @Test
    void theTapShouldPassEveryCallOfTheSpiThrough() throws NoSuchMethodException {
        for (Method m : PollPolicy.class.getMethods()) {
            assertThat(RuleTap.Tapped.class.getDeclaredMethod(m.getName(), m.getParameterTypes()))
                    .as("RuleTap.Tapped must pass %s through", m.getName()).isNotNull();
        }
        for (Method m : PolicyFactory.class.getMethods()) {
            if (!java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                assertThat(RuleTap.class.getDeclaredMethod(m.getName(), m.getParameterTypes()))
                        .as("RuleTap must pass %s through", m.getName()).isNotNull();
            }
        }
        assertThat(Arrays.stream(PollPolicy.class.getMethods()).map(Method::getName)).contains("rule");
    }

    @Test
    void aDaemonWithItsOwnQueueShouldBeExplainedAloneWhateverTheFleetSize() {
        String yaml = "days: 1\nseed: 5\nworkload: {kind: poisson, ratePerHour: 30, serviceTime: 1m}\n"
                + "fleet: {daemons: DAEMONS, queue: per-daemon}\npolicies: {exp-idle: {}}\n";
        IntFunction<Timeline> explain = n -> {
            Scenario s = new ScenarioLoader()
                    .parse(yaml.replace("DAEMONS", Integer.toString(n)), "own.yaml");
            ResolvedPolicy p = new PolicySelection(BuiltinPolicies.catalogue()).select(s, List.of(), List.of())
                    .get(0);
            return Explainer.explain(s, p, 3, 0, Durations.MICROS_PER_HOUR, 10_000);
        };
        Timeline ten = explain.apply(10);
        assertThat(ten.events()).isNotEmpty();
        assertThat(explain.apply(40).events()).isEqualTo(ten.events());
        assertThat(ten.events()).anySatisfy(e -> assertThat(e).isInstanceOf(TimelineEvent.Spawn.class));
    }
}
