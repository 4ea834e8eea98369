package dev.pollsim.sim.model;

import dev.pollsim.policy.LoopState;
import dev.pollsim.policy.PolicyFactory;
import dev.pollsim.policy.PollPolicy;
import dev.pollsim.policy.WakeKind;
import dev.pollsim.policy.param.PolicyParams;
import dev.pollsim.sim.engine.EventKind;
import dev.pollsim.sim.engine.EventList;
import dev.pollsim.sim.metrics.RunMetrics;
import dev.pollsim.sim.workload.ArrivalSource;
import dev.pollsim.sim.workload.Origin;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The events of the world around a fleet's loops, every event of a {@link FleetSimulation} but
 * its ticks: arrivals (a job, or a failed job at its retry deadline), completions (a slot freed,
 * the job perhaps failed and retried) and control events (a wake of one daemon, the oracle's
 * routing of visible work, a restart, a reload).
 *
 * <p>It keeps the jobs' side (the workload, the retries, the draws of owners and failures) and
 * reaches the loops only through {@link Loops}: what the world does to a loop is to ask its state
 * and policy, re-arm it, tell it a slot was freed, or give it a fresh policy.
 *
 * <p>A control event's payload is its type in the top bits and its target (a daemon, a retry, a
 * restart or a reload) below. Arrivals, completions and wakes allocate nothing; a restart that
 * rebuilds its daemon's retry wakes makes one callback for it. NOT thread-safe.
 */
final class WorldEvents {

    private static final int CONTROL_TYPE_SHIFT = 27;
    private static final int CONTROL_TARGET_MASK = (1 << CONTROL_TYPE_SHIFT) - 1;
    private static final int WAKE_LOCAL = 1;
    private static final int RETRY_WAKE = 2;
    private static final int WORK_VISIBLE = 3;
    private static final int RESTART = 4;
    private static final int RELOAD = 5;

    /** What the world's events do to the loops: the run's side of them. */
    interface Loops {

        /** The loop's state now. */
        LoopState state(int loop);

        /** The loop's policy, in the loop's state: valid until another loop's is asked for. */
        PollPolicy policy(int loop);

        /** Arms the loop's next tick {@code delay} after {@code now}, or suspends it ({@link PollPolicy#SUSPEND}). */
        void arm(int loop, long now, long delay);

        /** A slot of the loop's daemon was freed since its last tick. */
        void slotFreed(int loop);

        /** The daemons' slots were limited: a loop whose daemon has none free now must be watched. */
        void slotsLimited();

        /** The loop's daemon restarted: the loop starts its life afresh with {@code fresh}, unarmed. */
        void restart(int loop, PollPolicy fresh);

        /** Every loop's policy takes {@code params} from now on. */
        void reconfigure(PolicyParams params);
    }

    private final FaultPlan faults;
    private final boolean hearsVisibleWork;
    private final boolean hearsDeadlineWakes;
    private final boolean rebuildsWakesOnRestart;
    private final ArrivalSource arrivals;
    private final long horizonUs;
    private final RunMetrics metrics;
    private final EventList events;
    private final FleetWork work;
    private final RetryBook retries;
    private final DaemonLives lives;
    private final ParkedLoops parking;
    private final Loops loops;
    private final SplittableRandom owners;
    private final SplittableRandom jobFailures;
    private final int daemons;
    private final int loopsPerDaemon;
    private SimObserver observer = SimObserver.NONE;
    /** Whether a routing of visible work is scheduled at this instant already. */
    private boolean visibleWorkPending;

    /**
     * @param world the faults and the horizon
     * @param factory whether the policies hear visible work and deadline wakes
     * @param arrivals the workload, read one job at a time
     * @param events the run's event list, which the world's events go into
     * @param owners the {@code workload/owner} stream: which daemon enqueued a local job
     * @param jobFailures the {@code faults/jobs} stream: whether a job fails
     */
    WorldEvents(World world, PolicyFactory factory, ArrivalSource arrivals, RunMetrics metrics, EventList events,
            FleetWork work, RetryBook retries, DaemonLives lives, ParkedLoops parking, Loops loops,
            SplittableRandom owners, SplittableRandom jobFailures, int loopsPerDaemon) {
        this.faults = world.faults();
        this.hearsVisibleWork = factory.hearsVisibleWork();
        this.hearsDeadlineWakes = factory.hearsDeadlineWakes();
        this.rebuildsWakesOnRestart = factory.rebuildsDeadlineWakesOnRestart();
        this.arrivals = arrivals;
        this.horizonUs = world.horizonUs();
        this.metrics = metrics;
        this.events = events;
        this.work = work;
        this.retries = retries;
        this.lives = lives;
        this.parking = parking;
        this.loops = loops;
        this.owners = owners;
        this.jobFailures = jobFailures;
        this.daemons = world.fleet().daemons();
        this.loopsPerDaemon = loopsPerDaemon;
    }

    /** Sets who hears what the world's events do to the loops. */
    void observe(SimObserver simObserver) {
        this.observer = simObserver;
    }

    /** Schedules the fault plan's restarts, then its reloads, in the plan's order. */
    void scheduleFaults() {
        List<FaultPlan.Restart> restarts = faults.restarts();
        for (int i = 0; i < restarts.size(); i++) {
            scheduleControl(restarts.get(i).atUs(), RESTART, i);
        }
        List<FaultPlan.Reload> reloads = faults.reloads();
        for (int i = 0; i < reloads.size(); i++) {
            scheduleControl(reloads.get(i).atUs(), RELOAD, i);
        }
    }

    /** Schedules the workload's first arrival: the run starts. */
    void start() {
        scheduleNextArrival();
    }

    /** Runs an event that is not a tick: an arrival, a completion or a control event. */
    void run(int kind, int payload, long now) {
        switch (kind) {
            case EventKind.ARRIVAL:
                if (payload == 0) {
                    onArrival(now);
                } else {
                    onRetryVisible(payload - 1, now);
                }
                break;
            case EventKind.COMPLETION:
                onCompletion(payload, now);
                break;
            case EventKind.CONTROL:
                onControl(payload, now);
                break;
            default:
                throw new IllegalStateException("unknown event kind " + kind);
        }
    }

    /** Work is visible: have the oracle's routing run once at this instant. */
    void workBecameVisible(long now) {
        if (hearsVisibleWork && !visibleWorkPending) {
            visibleWorkPending = true;
            scheduleControl(now, WORK_VISIBLE, 0);
        }
    }

    // ---- arrivals and retries -------------------------------------------------------------

    private void scheduleNextArrival() {
        long t = arrivals.next();
        if (t != ArrivalSource.NONE && t < horizonUs) {
            events.schedule(t, EventKind.ARRIVAL, 0);
        }
    }

    private void onArrival(long now) {
        work.enqueue(now, arrivals.serviceUs(), arrivals.origin(), 1);
        metrics.arrived(now, work.queued());
        if (arrivals.origin() == Origin.LOCAL) {
            scheduleControl(now, WAKE_LOCAL, owners.nextInt(daemons));
        }
        workBecameVisible(now);
        parking.guard(0, now);
        scheduleNextArrival();
    }

    private void onRetryVisible(int id, long now) {
        work.enqueue(now, retries.serviceUs(id), retries.origin(id), retries.attempt(id));
        metrics.retried(now, work.queued());
        retries.requeued(id);
        workBecameVisible(now);
        parking.guard(0, now);
    }

    private void scheduleRetry(int daemon, long serviceUs, Origin origin, int attempt, long now) {
        long deadline = now + faults.jobFailures().retryAfterUs();
        int id = retries.add(daemon, serviceUs, deadline, origin, attempt);
        if (deadline >= horizonUs) {
            return;
        }
        events.schedule(deadline, EventKind.ARRIVAL, id + 1);
        if (hearsDeadlineWakes) {
            retries.wakeAt(id, scheduleControl(deadline, RETRY_WAKE, id), lives.life(daemon));
        }
    }

    private void onRetryWake(int id, long now) {
        if (!retries.isWake(id, events.lastSeq())) {
            return;
        }
        int daemon = retries.daemon(id);
        boolean sameLife = retries.wakeEpoch(id) == lives.life(daemon);
        retries.woken(id);
        if (sameLife) {
            wakeDaemon(daemon, WakeKind.DEADLINE, now);
        }
    }

    // ---- completions ---------------------------------------------------------------------

    private void onCompletion(int id, long now) {
        int daemon = work.daemonOf(id);
        long service = work.serviceUs(id);
        Origin origin = work.origin(id);
        int attempt = work.attempt(id);
        work.finish(id);
        FaultPlan.JobFailures failures = faults.jobFailures();
        if (failures.probability() > 0 && jobFailures.nextDouble() < failures.probability()) {
            if (attempt < failures.maxAttempts()) {
                scheduleRetry(daemon, service, origin, attempt + 1, now);
            } else {
                metrics.failed();
            }
        } else {
            metrics.completed();
        }
        parking.unparkDaemon(daemon, now);
        int first = daemon * loopsPerDaemon;
        for (int loop = first; loop < first + loopsPerDaemon; loop++) {
            loops.slotFreed(loop);
            LoopState state = loops.state(loop);
            long delay = loops.policy(loop).onSlotFreed(now, state);
            observer.slotFreed(loop, now, state, delay);
            if (delay != PollPolicy.KEEP) {
                loops.arm(loop, now, delay);
            }
        }
        if (work.queued() > 0) {
            workBecameVisible(now);
            parking.guardAll(now);
        }
    }

    // ---- control events ------------------------------------------------------------------

    private long scheduleControl(long at, int type, int target) {
        return events.schedule(at, EventKind.CONTROL, (type << CONTROL_TYPE_SHIFT) | target);
    }

    private void onControl(int payload, long now) {
        int target = payload & CONTROL_TARGET_MASK;
        switch (payload >>> CONTROL_TYPE_SHIFT) {
            case WAKE_LOCAL:
                wakeDaemon(target, WakeKind.LOCAL_ENQUEUE, now);
                break;
            case RETRY_WAKE:
                onRetryWake(target, now);
                break;
            case WORK_VISIBLE:
                routeVisibleWork(now);
                break;
            case RESTART:
                restart(faults.restarts().get(target), now);
                break;
            case RELOAD:
                reload(faults.reloads().get(target), now);
                break;
            default:
                throw new IllegalStateException("unknown control event " + (payload >>> CONTROL_TYPE_SHIFT));
        }
    }

    private void wakeDaemon(int daemon, WakeKind kind, long now) {
        parking.unparkDaemon(daemon, now);
        int first = daemon * loopsPerDaemon;
        for (int loop = first; loop < first + loopsPerDaemon; loop++) {
            LoopState state = loops.state(loop);
            long delay = loops.policy(loop).onWake(now, kind, state);
            observer.woke(loop, now, kind, state, delay);
            if (delay != PollPolicy.KEEP && state != LoopState.IN_FLIGHT) {
                if (state == LoopState.SUSPENDED) {
                    metrics.woke();
                }
                loops.arm(loop, now, delay);
            }
        }
        parking.guardAll(now);
    }

    /**
     * Wakes suspended daemons with free slots, lowest index first, until their free slots (with
     * those of daemons already about to tick) cover the queued jobs. A daemon in flight does not
     * count: its request was sent before this work was visible.
     */
    private void routeVisibleWork(long now) {
        visibleWorkPending = false;
        long need = work.queued();
        for (int d = 0; d < daemons && need > 0; d++) {
            int loop = d * loopsPerDaemon;
            if (loops.state(loop) == LoopState.WAITING) {
                need -= Math.max(0, work.freeSlots(d));
            }
        }
        for (int d = 0; d < daemons && need > 0; d++) {
            int loop = d * loopsPerDaemon;
            int free = work.freeSlots(d);
            if (free > 0 && loops.state(loop) == LoopState.SUSPENDED) {
                long delay = loops.policy(loop).onWake(now, WakeKind.WORK_VISIBLE, LoopState.SUSPENDED);
                observer.woke(loop, now, WakeKind.WORK_VISIBLE, LoopState.SUSPENDED, delay);
                if (delay != PollPolicy.KEEP) {
                    loops.arm(loop, now, delay);
                    need -= free;
                }
            }
        }
    }

    private void restart(FaultPlan.Restart r, long now) {
        int from = r.daemon() == FaultPlan.Restart.ALL ? 0 : r.daemon();
        int to = r.daemon() == FaultPlan.Restart.ALL ? daemons : Math.min(daemons, r.daemon() + 1);
        for (int d = from; d < to; d++) {
            metrics.restarted();
            observer.restarted(d, now);
            lives.restart(d);
            int first = d * loopsPerDaemon;
            for (int loop = first; loop < first + loopsPerDaemon; loop++) {
                if (parking.parked(loop)) {
                    // counted with the policy of the life that ends
                    parking.unpark(loop, now, false);
                }
                parking.dropSentinel(loop);
                PollPolicy restarted = lives.afterRestart(d, loop - first);
                loops.restart(loop, restarted);
                if (!restarted.startsSuspended()) {
                    loops.arm(loop, now, r.downtimeUs());
                }
            }
            if (rebuildsWakesOnRestart && hearsDeadlineWakes) {
                rebuildRetryWakes(d, now);
            }
        }
        parking.guardAll(now);
    }

    private void rebuildRetryWakes(int daemon, long now) {
        int epochNow = lives.life(daemon);
        retries.forEachWaiting(daemon, now, horizonUs,
                id -> retries.wakeAt(id, scheduleControl(retries.deadlineUs(id), RETRY_WAKE, id), epochNow));
    }

    private void reload(FaultPlan.Reload r, long now) {
        observer.reloaded(now);
        parking.unparkAll(now, true);
        if (r.maxConcurrent() > 0) {
            work.limit(r.maxConcurrent());
            loops.slotsLimited();
        }
        if (r.params() != null) {
            lives.reload(r.params());
            loops.reconfigure(r.params());
        }
    }
}
