package dev.pollsim.bench.peer;

import dev.pollsim.policy.LoopSpec;
import dev.pollsim.policy.LoopState;
import dev.pollsim.policy.PolicyFactory;
import dev.pollsim.policy.PollPolicy;
import dev.pollsim.policy.TickError;
import dev.pollsim.policy.TickOutcome;
import dev.pollsim.sim.engine.RandomStreams;
import dev.pollsim.sim.metrics.LatencyRecorder;
import java.util.ArrayDeque;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.Executable;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEventInterface;
import nl.tudelft.simulation.dsol.model.AbstractDsolModel;
import nl.tudelft.simulation.dsol.simulators.DevsSimulator;

/**
 * The peer fleet ({@link PeerWorkload}) as a DSOL discrete-event model, written the way a DSOL
 * user writes one: daemon objects, a job object per arrival in an {@link ArrayDeque}, and
 * lambda events on the simulator's event list (a red-black tree of {@code SimEvent}s keyed by a
 * boxed {@code Double} time).
 *
 * <ul>
 *   <li>Time is a {@code Double} in microseconds, so every instant and delay of the day is an
 *       exact integer, as on pollsim's {@code long} clock.
 *   <li>An arrival appends a job to the shared FIFO queue and schedules the next arrival.
 *   <li>A tick of a daemon with no free slot is saturated and sends no request; otherwise it
 *       sends {@value PeerWorkload#REQUESTS_PER_TICK} request and takes {@code min(queued, free
 *       slots)} jobs FIFO, recording each wake latency (now - arrival) and scheduling its
 *       completion; then the daemon's policy answers the delay to its next tick.
 *   <li>A completion frees the slot and tells the policy; a policy that re-schedules the pending
 *       poll ({@code exp-idle}) has the pending tick event cancelled and a new one scheduled.
 *   <li>Events of one instant run arrivals first, then completions, then ticks (DSOL event
 *       priorities), as in pollsim; ticks of one instant run in the order they were scheduled
 *       (pollsim orders them by the instant they were armed, then by daemon), the one place the
 *       two engines may break a tie differently.
 * </ul>
 *
 * <p>The policies are pollsim's own classes ({@code FixedIntervalPolicy}, {@code ExpIdlePolicy},
 * from the built-in catalogue), and start phases come from the same seeded streams as pollsim's.
 */
@SuppressWarnings("serial") // DSOL models are Serializable for its remote tools; this one never is serialized
public final class DsolFleetModel extends AbstractDsolModel<Double, DevsSimulator<Double>> {

    /** Arrivals run before anything else at one instant. */
    static final short ARRIVAL_PRIORITY = 8;
    /** Completions run after arrivals and before ticks. */
    static final short COMPLETION_PRIORITY = 7;
    /** Ticks run last. */
    static final short TICK_PRIORITY = SimEventInterface.NORMAL_PRIORITY;

    private final PeerWorkload workload;
    private final String policy;
    private final PolicyFactory factory;

    private final ArrayDeque<Job> queue = new ArrayDeque<>();
    private final TickOutcome outcome = new TickOutcome();
    private final Executable arrival = this::arrive;
    private Daemon[] daemons;
    private LatencyRecorder wakeLatency;
    private int nextArrival;
    private long ticks;
    private long saturatedTicks;
    private long requests;
    private long arrived;
    private long picked;
    private long completed;
    private long events;

    /**
     * @param simulator the simulator the model runs on
     * @param workload the fleet's arrivals and seed
     * @param policy the built-in policy every daemon runs ({@code fixed}, {@code exp-idle})
     */
    public DsolFleetModel(DevsSimulator<Double> simulator, PeerWorkload workload, String policy) {
        super(simulator);
        this.workload = workload;
        this.policy = policy;
        this.factory = PeerWorkload.factory(policy);
    }

    /** A job in the queue. */
    private record Job(long arrivalUs, long serviceUs) {
    }

    @Override
    public void constructModel() {
        queue.clear();
        wakeLatency = new LatencyRecorder();
        nextArrival = 0;
        ticks = 0;
        saturatedTicks = 0;
        requests = 0;
        arrived = 0;
        picked = 0;
        completed = 0;
        events = 0;
        RandomStreams streams = new RandomStreams(workload.seed());
        daemons = new Daemon[PeerWorkload.DAEMONS];
        for (int d = 0; d < daemons.length; d++) {
            PollPolicy p = factory.create(LoopSpec.WORKER, streams.stream("fleet/daemon/" + d + "/loop/0/jitter"));
            Daemon daemon = new Daemon(p);
            daemons[d] = daemon;
            long phase = PeerWorkload.startPhaseUs(streams, d, p.initialIntervalUs());
            daemon.pendingTick = simulator.scheduleEventAbs((double) phase, TICK_PRIORITY, daemon.tick);
        }
        if (workload.jobs() > 0) {
            simulator.scheduleEventAbs((double) workload.arrivalUs(0), ARRIVAL_PRIORITY, arrival);
        }
    }

    private long now() {
        return simulator.getSimulatorTime().longValue();
    }

    private void arrive() {
        events++;
        arrived++;
        queue.addLast(new Job(now(), PeerWorkload.SERVICE_US));
        if (++nextArrival < workload.jobs()) {
            simulator.scheduleEventAbs((double) workload.arrivalUs(nextArrival), ARRIVAL_PRIORITY, arrival);
        }
    }

    /** One daemon: its poll loop, its worker slots and its pending tick. */
    private final class Daemon {

        private final PollPolicy policy;
        private final Executable tick = this::tick;
        private final Executable complete = this::complete;
        private int active;
        private int freedSinceTick;
        private SimEventInterface<Double> pendingTick;

        Daemon(PollPolicy policy) {
            this.policy = policy;
        }

        private void tick() {
            events++;
            pendingTick = null;
            long now = now();
            int free = PeerWorkload.MAX_CONCURRENT - active;
            boolean saturated = free <= 0;
            int dispatched = 0;
            ticks++;
            if (saturated) {
                saturatedTicks++;
            } else {
                requests += PeerWorkload.REQUESTS_PER_TICK;
                int take = Math.min(queue.size(), free);
                for (; dispatched < take; dispatched++) {
                    Job job = queue.removeFirst();
                    wakeLatency.record(now - job.arrivalUs());
                    picked++;
                    active++;
                    simulator.scheduleEventRel((double) job.serviceUs(), COMPLETION_PRIORITY, complete);
                }
            }
            int freed = freedSinceTick;
            freedSinceTick = 0;
            long delay = policy.onTick(now, outcome.set(dispatched, freed, saturated, TickError.NONE,
                    TickOutcome.NO_DEADLINE).seen(queue.size(), 0));
            if (delay != PollPolicy.SUSPEND) {
                pendingTick = simulator.scheduleEventRel((double) delay, TICK_PRIORITY, tick);
            }
        }

        private void complete() {
            events++;
            completed++;
            active--;
            freedSinceTick++;
            long delay = policy.onSlotFreed(now(), pendingTick == null ? LoopState.SUSPENDED : LoopState.WAITING);
            if (delay != PollPolicy.KEEP) {
                if (pendingTick != null) {
                    simulator.cancelEvent(pendingTick);
                }
                pendingTick = simulator.scheduleEventRel((double) delay, TICK_PRIORITY, tick);
            }
        }
    }

    /** What the day came to; valid once the replication has run. */
    public PeerResult result() {
        return new PeerResult("dsol", policy, ticks, saturatedTicks, requests, arrived, picked, completed,
                wakeLatency.summary().meanUs(), wakeLatency.summary().maxUs(), events);
    }
}
