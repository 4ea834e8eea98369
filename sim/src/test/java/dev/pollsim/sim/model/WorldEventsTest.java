package dev.pollsim.sim.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pollsim.policy.LoopSpec;
import dev.pollsim.policy.LoopState;
import dev.pollsim.policy.PolicyFactory;
import dev.pollsim.policy.PollPolicy;
import dev.pollsim.policy.TickOutcome;
import dev.pollsim.policy.WakeKind;
import dev.pollsim.policy.builtin.BuiltinPolicies;
import dev.pollsim.policy.param.Durations;
import dev.pollsim.policy.param.PolicyParams;
import dev.pollsim.sim.engine.EventKind;
import dev.pollsim.sim.engine.EventList;
import dev.pollsim.sim.engine.RandomStreams;
import dev.pollsim.sim.metrics.PolicyResult;
import dev.pollsim.sim.metrics.RunMetrics;
import dev.pollsim.sim.workload.ArrivalSource;
import dev.pollsim.sim.workload.Origin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The world's events against a fleet of recorded loops: what each event asks of which loop. */
class WorldEventsTest {

    private static final long HORIZON_US = Durations.MICROS_PER_HOUR;
    private static final long SECOND = Durations.MICROS_PER_SECOND;
    /** What every loop's policy answers to a wake or a freed slot. */
    private static final long ANSWER_US = 7 * SECOND;

    /** A policy that answers every wake and freed slot with {@link #ANSWER_US}, and names its life. */
    private static final class Answering implements PollPolicy {
        final String life;

        Answering(String life) {
            this.life = life;
        }

        @Override
        public long initialIntervalUs() {
            return SECOND;
        }

        @Override
        public long onTick(long nowUs, TickOutcome outcome) {
            return SECOND;
        }

        @Override
        public long onSlotFreed(long nowUs, LoopState state) {
            return ANSWER_US;
        }

        @Override
        public long onWake(long nowUs, WakeKind kind, LoopState state) {
            return ANSWER_US;
        }
    }

    /** The loops, as a run would hold them, recording what the world asks of them. */
    private static final class Recorded implements WorldEvents.Loops {
        final LoopState[] states;
        final PollPolicy[] policies;
        final List<String> calls = new ArrayList<>();

        Recorded(int loops) {
            states = new LoopState[loops];
            Arrays.fill(states, LoopState.WAITING);
            policies = new PollPolicy[loops];
            Arrays.fill(policies, new Answering("first"));
        }

        @Override
        public LoopState state(int loop) {
            return states[loop];
        }

        @Override
        public PollPolicy policy(int loop) {
            return policies[loop];
        }

        @Override
        public void arm(int loop, long now, long delay) {
            calls.add("arm " + loop + " at " + now + " +" + delay);
        }

        @Override
        public void slotFreed(int loop) {
            calls.add("freed " + loop);
        }

        @Override
        public void slotsLimited() {
            calls.add("limited");
        }

        @Override
        public void restart(int loop, PollPolicy fresh) {
            policies[loop] = fresh;
            calls.add("restart " + loop + " " + ((Answering) fresh).life);
        }

        @Override
        public void reconfigure(PolicyParams params) {
            calls.add("reconfigure");
        }
    }

    /** Two loops a daemon, each with its own policy and lane. */
    private static PolicyFactory factory(boolean hearsVisibleWork) {
        return new PolicyFactory() {
            @Override
            public List<LoopSpec> loops() {
                return List.of(LoopSpec.WORKER, new LoopSpec("second", LoopSpec.Role.WORKER, 1));
            }

            @Override
            public PollPolicy create(LoopSpec loop, RandomGenerator random) {
                return new Answering("restarted");
            }

            @Override
            public boolean hearsVisibleWork() {
                return hearsVisibleWork;
            }
        };
    }

    private static final ArrivalSource NO_ARRIVALS = new ArrivalSource() {
        @Override
        public long next() {
            return ArrivalSource.NONE;
        }

        @Override
        public long serviceUs() {
            return 0;
        }

        @Override
        public Origin origin() {
            return Origin.REMOTE;
        }
    };

    private final int daemons = 3;
    private final RunMetrics metrics = new RunMetrics(daemons, List.of("worker", "second"), HORIZON_US);
    private final EventList events = new EventList(16);
    private final FleetWork work = new FleetWork(daemons, 2, 2, new QueueDepth(metrics, HORIZON_US));
    private final Recorded loops = new Recorded(2 * daemons);
    private final long[] pendingAt = new long[2 * daemons];
    private final long[] armedAt = new long[2 * daemons];

    private WorldEvents world(FaultPlan faults, boolean hearsVisibleWork) {
        World w = new World(new FleetConfig(daemons, 2, 1, StartPhases.ALIGNED), UpstreamConfig.NONE, faults,
                HORIZON_US);
        PolicyFactory factory = factory(hearsVisibleWork);
        RandomStreams streams = new RandomStreams(5);
        DaemonLives lives = new DaemonLives(factory, streams, factory.loops().toArray(new LoopSpec[0]), daemons,
                !faults.restarts().isEmpty());
        ParkedLoops parking = new ParkedLoops(pendingAt, armedAt, 2, work.lanes(), (l, a, p, d, n, r) -> { });
        return new WorldEvents(w, factory, NO_ARRIVALS, metrics, events, work, new RetryBook(daemons), lives,
                parking, loops, streams.stream("workload/owner"), streams.stream("faults/jobs"), 2);
    }

    /** Pops the next event and has the world run it. */
    private void runNext(WorldEvents world) {
        events.pop();
        world.run(events.lastKind(), events.lastPayload(), events.lastTime());
    }

    private PolicyResult result() {
        return metrics.finish("x", "x", Map.of(), 0);
    }

    @Test
    void shouldTellEachLoopOfTheDaemonOfItsFreedSlotAndArmItWithItsAnswer() {
        WorldEvents world = world(FaultPlan.NONE, false);
        work.enqueue(0, 5 * SECOND, Origin.REMOTE, 1);
        int id = work.start(work.lane(0), 1, 0, 0);
        events.schedule(5 * SECOND, EventKind.COMPLETION, id);

        runNext(world);

        assertThat(loops.calls).containsExactly("freed 2", "arm 2 at 5000000 +7000000", "freed 3",
                "arm 3 at 5000000 +7000000");
        assertThat(work.freeSlots(1)).isEqualTo(2);
        assertThat(result().jobs().completed()).isEqualTo(1);
        assertThat(events.isEmpty()).as("nothing queued: no routing, no retry").isTrue();
    }

    @Test
    void shouldRouteVisibleWorkOnceAnInstantToSuspendedDaemonsUntilTheirSlotsCoverIt() {
        WorldEvents world = world(FaultPlan.NONE, true);
        for (int i = 0; i < 3; i++) {
            work.enqueue(0, SECOND, Origin.REMOTE, 1);
        }
        // daemon 0 waits with two free slots; daemons 1 and 2 are suspended
        for (int loop = 2; loop < 6; loop++) {
            loops.states[loop] = LoopState.SUSPENDED;
        }

        world.workBecameVisible(10);
        world.workBecameVisible(10);
        assertThat(events.size()).as("one routing an instant").isEqualTo(1);
        runNext(world);

        // three jobs, two covered by daemon 0's free slots: daemon 1 alone is woken, by its first loop
        assertThat(loops.calls).containsExactly("arm 2 at 10 +7000000");
        world.workBecameVisible(11);
        assertThat(events.size()).as("a routing at a later instant").isEqualTo(1);
    }

    @Test
    void shouldRestartEveryLoopOfTheDaemonWithAFreshPolicyArmedAfterTheDowntime() {
        FaultPlan faults = new FaultPlan(List.of(), FaultPlan.JobFailures.NONE,
                List.of(new FaultPlan.Restart(60 * SECOND, 1, 30 * SECOND)), List.of());
        WorldEvents world = world(faults, false);
        world.scheduleFaults();

        runNext(world);

        assertThat(loops.calls).containsExactly("restart 2 restarted", "arm 2 at 60000000 +30000000",
                "restart 3 restarted", "arm 3 at 60000000 +30000000");
        assertThat(result().loops().restarts()).isEqualTo(1);
    }

    @Test
    void shouldLimitTheSlotsAndReconfigureEveryLoopOnAReload() {
        PolicyParams params = BuiltinPolicies.catalogue().find("fixed").orElseThrow().resolve(Map.of());
        FaultPlan faults = new FaultPlan(List.of(), FaultPlan.JobFailures.NONE, List.of(),
                List.of(new FaultPlan.Reload(90 * SECOND, 1, params)));
        WorldEvents world = world(faults, false);
        world.scheduleFaults();

        runNext(world);

        assertThat(loops.calls).containsExactly("limited", "reconfigure");
        assertThat(work.freeSlots(0)).isEqualTo(1);
    }
}
