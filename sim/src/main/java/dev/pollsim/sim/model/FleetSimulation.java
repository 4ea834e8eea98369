package dev.pollsim.sim.model;

import dev.pollsim.policy.LoopState;
import dev.pollsim.policy.PolicyFactory;
import dev.pollsim.policy.PollPolicy;
import dev.pollsim.policy.TickError;
import dev.pollsim.policy.TickOutcome;
import dev.pollsim.policy.WakeKind;
import dev.pollsim.sim.engine.EventKind;
import dev.pollsim.sim.engine.EventList;
import dev.pollsim.sim.engine.RandomStreams;
import dev.pollsim.sim.metrics.RequestKind;
import dev.pollsim.sim.metrics.RunMetrics;
import dev.pollsim.sim.workload.ArrivalSource;
import dev.pollsim.sim.workload.Origin;
import java.util.SplittableRandom;

/**
 * One run of one policy over a fleet sharing one work queue, on the global event list.
 *
 * <p>Event handling, in the order events run at one instant:
 *
 * <ol>
 *   <li><b>arrival</b>: the job joins the queue tail; a {@code local} job also schedules a wake
 *       of every loop of the daemon that enqueued it (drawn from the {@code workload/owner}
 *       stream);
 *   <li><b>completion</b>: the worker frees its slot and every loop of its daemon hears of it
 *       ({@link PollPolicy#onSlotFreed});
 *   <li><b>control</b>: wakes reach the loops ({@link PollPolicy#onWake});
 *   <li><b>tick</b>: with no free slot the tick is saturated and makes no request; otherwise it
 *       costs {@code requestsPerTick} requests and starts {@code min(queued, free slots, batch
 *       limit)} jobs FIFO, each recording its wake latency; the policy then answers the next
 *       delay.
 * </ol>
 *
 * <p>A loop holds at most one pending tick; rescheduling it leaves the old event in the list,
 * where it is recognised by its stale sequence number and skipped. The run ends before the
 * first event at or after the horizon. Per event the run allocates nothing. NOT thread-safe;
 * one instance runs once.
 */
public final class FleetSimulation {

    private static final long NO_TICK = -1L;
    private static final long BEYOND_HORIZON = -2L;
    private static final int CONTROL_TYPE_SHIFT = 27;
    private static final int CONTROL_TARGET_MASK = (1 << CONTROL_TYPE_SHIFT) - 1;
    private static final int CONTROL_WAKE_LOCAL = 1;

    private final FleetConfig fleet;
    private final ArrivalSource arrivals;
    private final long horizonUs;
    private final RunMetrics metrics;
    private final EventList events;
    private final WorkQueue queue = new WorkQueue(1024);
    private final TickOutcome outcome = new TickOutcome();
    private final SplittableRandom owners;

    private final int loopsPerDaemon;
    private final PollPolicy[] policies;
    private final long[] pendingSeq;
    private final int[] freedSinceTick;
    private final int[] active;

    private TickObserver observer = TickObserver.NONE;
    private boolean ran;

    /**
     * @param fleet the fleet
     * @param factory makes each loop's policy
     * @param arrivals the workload, read one job at a time
     * @param streams the run's seeded random streams
     * @param horizonUs simulated span in microseconds
     * @param metrics where the run records what happens
     */
    public FleetSimulation(FleetConfig fleet, PolicyFactory factory, ArrivalSource arrivals,
            RandomStreams streams, long horizonUs, RunMetrics metrics) {
        if (horizonUs <= 0) {
            throw new IllegalArgumentException("horizon must be positive, got " + horizonUs);
        }
        this.fleet = fleet;
        this.arrivals = arrivals;
        this.horizonUs = horizonUs;
        this.metrics = metrics;
        this.loopsPerDaemon = 1;
        int loops = fleet.daemons() * loopsPerDaemon;
        this.events = new EventList(2 * loops + 64);
        this.policies = new PollPolicy[loops];
        this.pendingSeq = new long[loops];
        this.freedSinceTick = new int[loops];
        this.active = new int[fleet.daemons()];
        this.owners = streams.stream("workload/owner");
        for (int loop = 0; loop < loops; loop++) {
            int d = loop / loopsPerDaemon;
            int k = loop % loopsPerDaemon;
            String prefix = "fleet/daemon/" + d + "/loop/" + k;
            policies[loop] = factory.create(streams.stream(prefix + "/jitter"));
            long first = 0;
            if (fleet.startPhases() == StartPhases.SPREAD) {
                first = (long) (streams.stream(prefix + "/phase").nextDouble() * policies[loop].initialIntervalUs());
            }
            arm(loop, 0, first);
        }
    }

    /** Sets who hears every tick; call before {@link #run()}. */
    public FleetSimulation observe(TickObserver tickObserver) {
        this.observer = tickObserver;
        return this;
    }

    /**
     * Runs to the horizon.
     *
     * @return jobs still queued at the horizon (stranded)
     */
    public long run() {
        if (ran) {
            throw new IllegalStateException("a simulation runs once");
        }
        ran = true;
        scheduleNextArrival();
        while (!events.isEmpty() && events.peekTime() < horizonUs) {
            int payload = events.pop();
            long now = events.lastTime();
            switch (events.lastKind()) {
                case EventKind.ARRIVAL:
                    onArrival(now);
                    break;
                case EventKind.COMPLETION:
                    onCompletion(payload, now);
                    break;
                case EventKind.CONTROL:
                    onControl(payload, now);
                    break;
                case EventKind.TICK:
                    if (events.lastSeq() == pendingSeq[payload]) {
                        onTick(payload, now);
                    }
                    break;
                default:
                    throw new IllegalStateException("unknown event kind " + events.lastKind());
            }
        }
        return queue.size();
    }

    private void scheduleNextArrival() {
        long t = arrivals.next();
        if (t != ArrivalSource.NONE && t < horizonUs) {
            events.schedule(t, EventKind.ARRIVAL, 0);
        }
    }

    private void onArrival(long now) {
        queue.push(now, arrivals.serviceUs(), arrivals.origin());
        metrics.arrived(now, queue.size());
        if (arrivals.origin() == Origin.LOCAL) {
            int owner = owners.nextInt(fleet.daemons());
            events.schedule(now, EventKind.CONTROL, (CONTROL_WAKE_LOCAL << CONTROL_TYPE_SHIFT) | owner);
        }
        scheduleNextArrival();
    }

    private void onCompletion(int daemon, long now) {
        active[daemon]--;
        metrics.completed();
        int first = daemon * loopsPerDaemon;
        for (int loop = first; loop < first + loopsPerDaemon; loop++) {
            freedSinceTick[loop]++;
            long delay = policies[loop].onSlotFreed(now, state(loop));
            if (delay != PollPolicy.KEEP) {
                arm(loop, now, delay);
            }
        }
    }

    private void onControl(int payload, long now) {
        int type = payload >>> CONTROL_TYPE_SHIFT;
        int target = payload & CONTROL_TARGET_MASK;
        if (type != CONTROL_WAKE_LOCAL) {
            throw new IllegalStateException("unknown control event " + type);
        }
        int first = target * loopsPerDaemon;
        for (int loop = first; loop < first + loopsPerDaemon; loop++) {
            long delay = policies[loop].onWake(now, WakeKind.LOCAL_ENQUEUE, state(loop));
            if (delay != PollPolicy.KEEP) {
                arm(loop, now, delay);
            }
        }
    }

    private void onTick(int loop, long now) {
        int daemon = loop / loopsPerDaemon;
        PollPolicy policy = policies[loop];
        int free = fleet.maxConcurrent() - active[daemon];
        boolean saturated = free <= 0;
        int dispatched = 0;
        if (!saturated) {
            int take = Math.min(Math.min(queue.size(), free), policy.batchLimit());
            for (; dispatched < take; dispatched++) {
                metrics.picked(now - queue.headArrivalUs());
                long done = now + queue.headServiceUs();
                queue.pop();
                active[daemon]++;
                if (done < horizonUs) {
                    events.schedule(done, EventKind.COMPLETION, daemon);
                }
            }
            RequestKind kind = dispatched > 0 ? RequestKind.WORK_POLL : RequestKind.EMPTY_POLL;
            metrics.requests(kind, daemon, fleet.requestsPerTick(), now);
        }
        metrics.tick(saturated);
        outcome.set(dispatched, freedSinceTick[loop], saturated, TickError.NONE, TickOutcome.NO_DEADLINE);
        freedSinceTick[loop] = 0;
        pendingSeq[loop] = NO_TICK;
        long delay = policy.onTick(now, outcome);
        observer.tick(loop, now, dispatched, saturated, delay);
        arm(loop, now, delay);
    }

    private LoopState state(int loop) {
        return pendingSeq[loop] == NO_TICK ? LoopState.SUSPENDED : LoopState.WAITING;
    }

    private void arm(int loop, long now, long delay) {
        if (delay == PollPolicy.SUSPEND) {
            pendingSeq[loop] = NO_TICK;
            return;
        }
        if (delay < 0) {
            throw new IllegalStateException("policy of loop " + loop + " answered a negative delay " + delay);
        }
        if (delay >= horizonUs - now) {
            pendingSeq[loop] = BEYOND_HORIZON;
            return;
        }
        pendingSeq[loop] = events.schedule(now + delay, EventKind.TICK, loop);
    }
}
