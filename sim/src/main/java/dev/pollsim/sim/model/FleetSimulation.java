package dev.pollsim.sim.model;

import dev.pollsim.policy.LoopSpec;
import dev.pollsim.policy.LoopState;
import dev.pollsim.policy.PolicyFactory;
import dev.pollsim.policy.PollPolicy;
import dev.pollsim.policy.TickError;
import dev.pollsim.policy.TickOutcome;
import dev.pollsim.policy.param.Durations;
import dev.pollsim.policy.param.PolicyParams;
import dev.pollsim.sim.engine.EventKind;
import dev.pollsim.sim.engine.EventList;
import dev.pollsim.sim.engine.RandomStreams;
import dev.pollsim.sim.metrics.IntervalSeries;
import dev.pollsim.sim.metrics.PolicyResult;
import dev.pollsim.sim.metrics.RequestKind;
import dev.pollsim.sim.metrics.RunMetrics;
import dev.pollsim.sim.metrics.UpstreamStats;
import dev.pollsim.sim.workload.ArrivalSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * One run of one policy over a fleet sharing one work queue, on the global event list.
 *
 * <p>Event handling, in the order events run at one instant:
 *
 * <ol>
 *   <li><b>arrival</b>: a job (or a failed job at its retry deadline) joins the tail of its
 *       lane; a {@code local} job also rings the wake bus of the daemon that enqueued it (drawn
 *       from the {@code workload/owner} stream);
 *   <li><b>completion</b>: the worker frees its slot; the job may fail and be retried later;
 *       every loop of the daemon hears of the freed slot;
 *   <li><b>control</b>: wakes (local enqueue, retry deadline, visible work), restarts, reloads;
 *   <li><b>tick</b>: see {@link #tickStart}; with a tick latency, the decision is a second tick
 *       event that much later, and the loop is in flight in between.
 * </ol>
 *
 * <p>The first three are the world's: {@link WorldEvents} runs them and reaches the loops
 * through this run's {@link WorldEvents.Loops}. The ticks, the arming of each loop's next one and
 * the run's loop are here.
 *
 * <p>A loop holds at most one pending tick; rescheduling it leaves the old event in the list,
 * where its stale sequence number gets it skipped. The run ends before the first event at or
 * after the horizon. Ticks, arrivals, completions and wakes allocate nothing (a restart, see
 * {@link WorldEvents}, may make one callback). NOT thread-safe; one instance runs once.
 *
 * <p>The state the events act on is kept in parts of its own: {@link FleetWork} (queued and
 * running jobs, the slots they hold), {@link RetryBook} (failed jobs waiting for their retry),
 * {@link LoopPolicies} (each loop's policy; {@link DaemonLives}, the world's, makes a fresh one
 * at each restart), {@link Flights} (ticks waiting for their response), {@link ReportedDues},
 * {@link Upstream}, {@link ParkedLoops} (loops fast-forwarded in closed form) and, when its idle
 * stretches are split across threads, {@link TickParts}.
 */
public final class FleetSimulation {

    static final long NO_TICK = -1L;
    static final long BEYOND_HORIZON = -2L;
    private static final int TICK_END = 1 << 30;
    /** Ticks are held aside (see {@link #hold}) only while the event list is this short. */
    private static final int HOLD_BELOW = 16;
    /** Events per call of {@link #runEvents}. */
    private static final int EVENTS_PER_CALL = 1 << 12;
    /** First ticks before this pack with their loop's index into one {@code long} to be sorted. */
    private static final long FIRST_TICK_PACKS_BELOW = 1L << 32;
    /** Simulated time per slice of the run: see {@link #runEvents}. */
    private static final long SLICE_US = Durations.MICROS_PER_HOUR;

    private final FleetConfig fleet;
    private final long horizonUs;
    private final RunMetrics metrics;
    /** Every event; in a split run, every event but ticks, which are in their part's list. */
    private final EventList events;
    /** The loops in parts, with their ticks, when the run's idle stretches are split across threads; else null. */
    private final TickParts parts;
    /** In a split run, the loops whose next tick ends a window; else null. */
    private final WatchedLoops watched;
    /** The time of the split run's last event run on its own thread. */
    private long splitNowUs;
    private final TickOutcome outcome = new TickOutcome();
    private final Upstream upstream;

    private final int daemons;
    private final int loopsPerDaemon;
    private final LoopSpec[] loopSpecs;
    /** The queued jobs, the running ones and the slots they hold. */
    private final FleetWork work;

    /** Each loop's policy, held as compactly as the policies allow. */
    private final LoopPolicies policies;
    /**
     * When the loop's pending tick falls, or NO_TICK (suspended), BEYOND_HORIZON, or below both
     * when parked ({@link ParkedLoops}).
     */
    private final long[] pendingAt;
    /**
     * When the pending tick was armed: its ordering key among ticks of one instant. While the
     * loop is parked, its anchor (a parked loop has no tick in the list to order).
     */
    private final long[] armedAt;
    /** Whether a tick may wait for its response: only then is a loop ever in flight. */
    private final boolean responses;
    /** The ticks waiting for their response; empty when no tick ever does. */
    private final Flights flights;
    private final int[] freedSinceTick;
    /** The due time each loop's daemon reports for its next tick. */
    private final ReportedDues dues;

    private final RetryBook retries;
    /** Every event but ticks: arrivals, completions, wakes, restarts, reloads. */
    private final WorldEvents worldEvents;

    private final int daemonOffset;
    private final boolean series;
    private final boolean fastForward;
    private final boolean plainUpstream;
    /** Whether ticks may take {@link #emptyTick}'s short path; set when the run starts. */
    private boolean plainTicks;
    private boolean shortTicks = true;
    private final int requestsPerTick;
    private boolean observed;
    /** Loops parked by fast-forward, their idle ticks counted in closed form. */
    private final ParkedLoops parking;
    /** How late loop 0's current tick came against its reported due time; for the series. */
    private long seriesOverdueUs;
    /** The tick armed last, not yet in the event list (-1 when none): see {@link #hold}. */
    private int heldLoop = -1;
    private long heldAt;
    private long heldKey;
    /** The end of the run's current slice: events at or after it wait for the next one. */
    private long sliceEndUs;

    private SimObserver observer = SimObserver.NONE;
    private boolean ran;
    private long eventsHandled;
    private LongConsumer progress;
    private long progressStepUs = Long.MAX_VALUE;
    private long nextProgressUs = Long.MAX_VALUE;

    /**
     * @param world the fleet, upstream, faults and horizon
     * @param factory makes each loop's policy and lays out each daemon's loops
     * @param arrivals the workload, read one job at a time
     * @param streams the run's seeded random streams
     */
    public FleetSimulation(World world, PolicyFactory factory, ArrivalSource arrivals, RandomStreams streams) {
        this(world, factory, arrivals, streams, null, 0, true);
    }

    /**
     * One part of a larger run: the daemons of {@code world} are daemons {@code daemonOffset..}
     * of the run, recorded into the run's shared {@code metrics}.
     *
     * @param metrics where to record, laid out for the whole run and {@code factory}'s loops;
     *     {@code null} for metrics of this simulation alone
     * @param daemonOffset index of this world's first daemon in the run
     * @param series whether this part records the interval series of its loop 0
     */
    public FleetSimulation(World world, PolicyFactory factory, ArrivalSource arrivals, RandomStreams streams,
            RunMetrics metrics, int daemonOffset, boolean series) {
        this(world, factory, arrivals, streams, metrics, daemonOffset, series, RunShape.TickSplit.DEFAULT);
    }

    /** As the public constructor, with {@code split} saying when the run splits: for tests. */
    FleetSimulation(World world, PolicyFactory factory, ArrivalSource arrivals, RandomStreams streams,
            RunMetrics metrics, int daemonOffset, boolean series, RunShape.TickSplit split) {
        this.daemonOffset = daemonOffset;
        this.series = series;
        this.fleet = world.fleet();
        this.horizonUs = world.horizonUs();
        this.upstream = new Upstream(world.upstream(), world.faults().errors(), streams);

        List<LoopSpec> layout = factory.loops();
        this.metrics = metrics != null ? metrics
                : new RunMetrics(fleet.daemons(), layout.stream().map(LoopSpec::name).toList(), horizonUs);
        this.daemons = fleet.daemons();
        this.loopsPerDaemon = layout.size();
        this.loopSpecs = layout.toArray(new LoopSpec[0]);
        int laneCount = 1;
        for (LoopSpec l : loopSpecs) {
            if (l.role() == LoopSpec.Role.WORKER) {
                laneCount = Math.max(laneCount, l.lane() + 1);
            }
        }
        this.work = new FleetWork(daemons, laneCount, fleet.maxConcurrent(), new QueueDepth(this.metrics, horizonUs));

        int loops = daemons * loopsPerDaemon;
        PollPolicy[] each = new PollPolicy[loops];
        this.pendingAt = new long[loops];
        this.armedAt = new long[loops];
        this.plainUpstream = RunShape.plainUpstream(world);
        this.fastForward = RunShape.fastForwards(world, factory);
        this.freedSinceTick = new int[loops];
        this.dues = new ReportedDues(loops);
        this.parking = new ParkedLoops(pendingAt, armedAt, loopsPerDaemon, work.lanes(), this::cameBack);
        this.requestsPerTick = fleet.requestsPerTick();
        // only a tick that waits for a response is ever in flight
        this.responses = fleet.tickLatencyUs() > 0 || !plainUpstream;
        this.flights = new Flights(responses ? loops : 0);
        this.retries = new RetryBook(daemons);
        DaemonLives lives = new DaemonLives(factory, streams, loopSpecs, daemons, !world.faults().restarts().isEmpty());
        if (series) {
            this.metrics.seriesOf(loopSpecs[0].name());
        }

        // each loop's first tick waits in armedAt until armed, sorted while they fit in 32 bits
        boolean sortable = true;
        for (int loop = 0; loop < loops; loop++) {
            each[loop] = lives.first(loop / loopsPerDaemon, loop % loopsPerDaemon);
            pendingAt[loop] = NO_TICK;
            if (!each[loop].startsSuspended()) {
                long first = 0;
                if (fleet.startPhases() == StartPhases.SPREAD) {
                    String phase = DaemonLives.prefix(loop / loopsPerDaemon, loop % loopsPerDaemon) + "/phase";
                    first = (long) (streams.stream(phase).nextDouble() * each[loop].initialIntervalUs());
                }
                sortable &= first < FIRST_TICK_PACKS_BELOW;
                armedAt[loop] = first;
            }
        }
        this.policies = LoopPolicies.of(each);
        int partCount = RunShape.parts(world, factory, split, metrics == null && daemonOffset == 0, each);
        if (partCount > 1) {
            this.events = new EventList(64);
            this.parts = new TickParts(loops, partCount, sortable, split.helpedTicks(), new TickParts.Loops(policies,
                    pendingAt, armedAt, requestsPerTick, horizonUs, series ? this.metrics : null));
            this.watched = new WatchedLoops(loops);
        } else {
            this.events = sortable ? new EventList(16, loops + 8) : new EventList(loops + 8);
            this.parts = null;
            this.watched = null;
        }
        this.worldEvents = new WorldEvents(world, factory, arrivals, this.metrics, events, work, retries, lives,
                parking, new LoopSide(), streams.stream("workload/owner"), streams.stream("faults/jobs"),
                loopsPerDaemon);
        armFirstTicks(each, sortable);
        worldEvents.scheduleFaults();
    }

    /**
     * Arms every loop's first tick, noted in {@code armedAt}: in time order when {@code sortable},
     * so that the ticks go to the event list's in-order queue, 24 B a loop, rather than into a
     * wheel sized for them all; else loop by loop. The list's order does not hang on the order of
     * scheduling, so neither does the run.
     */
    private void armFirstTicks(PollPolicy[] each, boolean sortable) {
        // (first tick << 31 | loop) when sortable, else the loop alone
        long[] order = new long[pendingAt.length];
        int armed = 0;
        for (int loop = 0; loop < pendingAt.length; loop++) {
            if (!each[loop].startsSuspended()) {
                order[armed++] = sortable ? armedAt[loop] << 31 | loop : loop;
            }
        }
        if (sortable) {
            Arrays.sort(order, 0, armed);
        }
        for (int i = 0; i < armed; i++) {
            int loop = (int) (order[i] & Integer.MAX_VALUE);
            long first = armedAt[loop];
            armedAt[loop] = 0;
            arm(loop, 0, first);
        }
    }

    /**
     * Measures the ramp: the time from {@code fromUs} until {@code target} workers have started.
     * Call before {@link #run()}.
     */
    public FleetSimulation watchRamp(long fromUs, long target) {
        metrics.watchRamp(fromUs, target);
        return this;
    }

    /**
     * Shares the cores of a batch of runs: the run borrows only those no run of the batch is
     * using (it occupies none itself; the batch does that). Without it, a run split across
     * threads has the world's tick threads to itself. Call before {@link #run()}; the results are
     * the same either way.
     */
    public FleetSimulation shareCores(SpareCores batch) {
        if (parts != null) {
            parts.shareCores(batch);
        }
        return this;
    }

    /** Sets who hears what happens to the loops; call before {@link #run()}. */
    public FleetSimulation observe(SimObserver simObserver) {
        this.observer = simObserver;
        this.observed = simObserver != SimObserver.NONE;
        worldEvents.observe(simObserver);
        return this;
    }

    /** Sends every tick down the general path, for tests that hold the short one to its answers. */
    FleetSimulation withoutShortTicks() {
        this.shortTicks = false;
        return this;
    }

    /** In how many parts the run's idle stretches go: 1 when the run is not split. */
    int tickParts() {
        return parts == null ? 1 : parts.count();
    }

    /** Windows whose parts ran on helper threads, so far. */
    long helpedWindows() {
        return parts == null ? 0 : parts.helpedWindows();
    }

    /** Whether idle stretches are skipped in closed form in this run (never with an observer). */
    public boolean fastForwards() {
        return fastForward && !observed;
    }

    /**
     * Tells {@code listener} the simulated time reached, at most once per {@code stepUs} of
     * simulated time; for progress bars. Unlike an observer it costs one comparison per event and
     * leaves fast-forward on. Call before {@link #run()}.
     */
    public FleetSimulation progress(LongConsumer listener, long stepUs) {
        this.progress = listener;
        this.progressStepUs = stepUs;
        this.nextProgressUs = stepUs;
        return this;
    }

    /** Sets who hears every tick decision; call before {@link #run()}. */
    public FleetSimulation observe(TickObserver tickObserver) {
        return observe((SimObserver) tickObserver);
    }

    /** Loops per daemon in this run, to map a loop index to its daemon and name. */
    public int loopsPerDaemon() {
        return loopsPerDaemon;
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
        plainTicks = shortTicks && !observed && !responses && loopsPerDaemon == 1 && requestsPerTick > 0
                && loopSpecs[0].role() == LoopSpec.Role.WORKER;
        worldEvents.start();
        try {
            for (long end = 0; end < horizonUs; ) {
                end = nextSliceEnd(end);
                runSlice(end);
            }
        } finally {
            if (parts != null) {
                parts.close();
            }
        }
        if (parts != null) {
            parts.addInto(metrics);
            eventsHandled += parts.handled();
        }
        parking.unparkAll(horizonUs, false);
        return work.end(horizonUs);
    }

    /**
     * Where the slice after one ending at {@code endUs} ends: a simulated hour after its first
     * event (an idle daemon's run skips its empty hours), or at the horizon.
     */
    private long nextSliceEnd(long endUs) {
        long next = heldLoop >= 0 ? heldAt : nextEventTime();
        return next >= horizonUs - SLICE_US ? horizonUs : Math.min(horizonUs, Math.max(endUs, next) + SLICE_US);
    }

    /**
     * Runs every event before {@code endUs}, one simulated hour of the run, in calls of a few
     * thousand events.
     *
     * <p>Why three nested loops: a loop that runs long in one call is compiled on the stack (OSR)
     * mid-call, and that code is dropped when a branch it never saw is taken, as when another
     * policy's run, on another thread, ends. A thread still inside dropped code stays there until
     * the call returns, and its calls from there may go through the interpreter: with the whole run
     * in one call of one loop, that left one JVM in two or three running the rest of a long
     * shared-queue run five to six times slower (docs/PERFORMANCE.md, headline runs). Here no call
     * lasts long but the run's own, whose loop turns at most once a simulated hour: a slice's
     * loop, and each call of {@link #runEvents}, return within an hour's events and start afresh
     * in current code.
     */
    private void runSlice(long endUs) {
        sliceEndUs = endUs;
        if (parts != null) {
            while (runSplitEvents(EVENTS_PER_CALL)) {
                // as below
            }
            return;
        }
        while (runEvents(EVENTS_PER_CALL)) {
            // a bounded number of events per call
        }
    }

    /** The time of the run's next event, or the horizon when none is left. */
    private long nextEventTime() {
        EventList next = parts == null ? events : nextList();
        return next == null || next.isEmpty() ? horizonUs : next.peekTime();
    }

    /**
     * Runs up to {@code most} events before the slice's end: see {@link #runSlice}.
     *
     * @return false once no event is left before the slice's end
     */
    private boolean runEvents(int most) {
        for (int i = 0; i < most; i++) {
            if (!step()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs the next event.
     *
     * @return false once no event is left before the slice's end
     */
    private boolean step() {
        if (heldLoop >= 0) {
            int loop = heldLoop;
            heldLoop = -1;
            if (events.advanceIfFirst(heldAt)) {
                handled(heldAt);
                onTick(loop, heldAt, heldKey);
                return true;
            }
            events.schedule(heldAt, EventKind.TICK, heldKey, loop);
        }
        if (!events.popBefore(sliceEndUs)) {
            return false;
        }
        int payload = events.lastPayload();
        long now = events.lastTime();
        handled(now);
        switch (events.lastKind()) {
            case EventKind.TICK:
                if ((payload & TICK_END) != 0) {
                    int loop = payload & ~TICK_END;
                    if (now == pendingAt[loop] && events.lastSeq() == armedAt[loop]) {
                        tickEnd(loop, now);
                    }
                } else {
                    onTick(payload, now, events.lastSeq());
                }
                break;
            default:
                worldEvents.run(events.lastKind(), payload, now);
        }
        return true;
    }

    // ---- a split run -----------------------------------------------------------------------

    /** {@link #runEvents} of a split run. */
    private boolean runSplitEvents(int most) {
        for (int i = 0; i < most; i++) {
            if (!stepSplit()) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #step} of a split run: while every tick up to the next event of the run's own list
     * (or the next tick of a watched loop) is idle, the parts run their ticks before it side by
     * side; then the run's next event, from whichever list holds it, runs here.
     */
    private boolean stepSplit() {
        // (no sentinel either: a split run does not fast-forward)
        if (plainTicks && work.queued() == 0 && dues.atTicks()) {
            long limit = events.isEmpty() ? sliceEndUs : Math.min(sliceEndUs, events.peekTime());
            limit = Math.min(limit, watched.firstTick(pendingAt, freedSinceTick, work));
            if (parts.anyBefore(limit)) {
                runWindow(limit);
            }
        }
        EventList from = nextList();
        if (from == null || from.peekTime() >= sliceEndUs) {
            return false;
        }
        from.pop();
        int payload = from.lastPayload();
        long now = from.lastTime();
        splitNowUs = now;
        handled(now);
        if (from.lastKind() != EventKind.TICK) {
            worldEvents.run(from.lastKind(), payload, now);
        } else if (now == pendingAt[payload] && from.lastSeq() == armedAt[payload]) {
            // never a TICK_END: a split run's ticks do not wait for responses
            parking.ticking(payload, from.lastSeq());
            tickStart(payload, now);
            parking.ticked();
        }
        return true;
    }

    /** Runs the parts' ticks before {@code limitUs}, side by side ({@link TickParts#runWindow}). */
    private void runWindow(long limitUs) {
        // the parts load their loops' policies through views of their own
        policies.flush();
        parts.runWindow(splitNowUs, limitUs);
        // the window's ticks reached up to its limit, though no event of the run's own may come
        // for hours (an idle fleet): progress is told here too
        if (limitUs > nextProgressUs) {
            progress.accept(limitUs - 1);
            nextProgressUs = limitUs - 1 + progressStepUs;
        }
    }

    /** The list holding the run's next event, or null when none is left. */
    private EventList nextList() {
        EventList tick = parts.first();
        if (events.isEmpty()) {
            return tick;
        }
        return tick == null || events.firstBefore(tick) ? events : tick;
    }

    private void handled(long now) {
        eventsHandled++;
        if (now >= nextProgressUs) {
            progress.accept(now);
            nextProgressUs = now + progressStepUs;
        }
    }

    /** A tick starts, unless the loop was re-armed, parked or suspended since it was armed. */
    private void onTick(int loop, long now, long key) {
        if (now == pendingAt[loop] && key == armedAt[loop]) {
            // with plain ticks a daemon runs one loop: the loop's index is its daemon's
            if (plainTicks && work.queued() == 0 && !parking.guarded() && !retries.waiting(loop) && dues.atTicks()
                    && freedSinceTick[loop] == 0 && work.hasFreeSlot(loop) && (loop != 0 || !series)) {
                emptyTick(loop, now);
                return;
            }
            parking.ticking(loop, key);
            tickStart(loop, now);
            parking.ticked();
        }
    }

    /** The metrics this simulation records into. */
    public RunMetrics metrics() {
        return metrics;
    }

    /** Runs to the horizon and seals the result under a label. */
    public PolicyResult result(String label, String policy, Map<String, String> params) {
        long stranded = run();
        return metrics.finish(label, policy, params, stranded, pendingRetries(), upstreamStats());
    }

    /** Events taken off the event list (stale ones included); valid after {@link #run()}. */
    public long eventsHandled() {
        return eventsHandled;
    }

    /** Failed jobs whose retry deadline falls at or after the horizon; valid after {@link #run()}. */
    public long pendingRetries() {
        return retries.waitingCount();
    }

    /** What the upstream saw; valid after {@link #run()}. */
    public UpstreamStats upstreamStats() {
        return new UpstreamStats(upstream.rateLimited(), upstream.serverErrors(), upstream.coldStarts(),
                upstream.warmUs(horizonUs));
    }

    /** Whether the loops' policies are held packed, a word per loop; for tests. */
    boolean packsPolicies() {
        return policies.packed();
    }

    /** The loop's policy, in the loop's state: valid until another loop's is asked for. */
    private PollPolicy policy(int loop) {
        return policies.of(loop);
    }

    /** The loops as the world's events reach them. */
    private final class LoopSide implements WorldEvents.Loops {

        @Override
        public LoopState state(int loop) {
            return FleetSimulation.this.state(loop);
        }

        @Override
        public PollPolicy policy(int loop) {
            return FleetSimulation.this.policy(loop);
        }

        @Override
        public void arm(int loop, long now, long delay) {
            FleetSimulation.this.arm(loop, now, delay);
        }

        @Override
        public void slotFreed(int loop) {
            freedSinceTick[loop]++;
            if (parts != null) {
                watched.watch(loop);
            }
        }

        @Override
        public void slotsLimited() {
            for (int d = 0; parts != null && d < daemons; d++) {
                if (!work.hasFreeSlot(d)) {
                    watched.watch(d);
                }
            }
        }

        @Override
        public void restart(int loop, PollPolicy fresh) {
            policies.replace(loop, fresh);
            pendingAt[loop] = NO_TICK;
            flights.drop(loop);
            freedSinceTick[loop] = 0;
            dues.clear(loop);
        }

        @Override
        public void reconfigure(PolicyParams params) {
            policies.reconfigure(params);
        }
    }

    // ---- ticks ---------------------------------------------------------------------------

    /**
     * A tick starts. A reaper sweeps: it costs {@code requestsPerTick} maintenance requests and
     * sees all queued and running work. A worker with no free slot is saturated and makes no
     * request. Otherwise the tick costs {@code requestsPerTick} requests; if the upstream refuses
     * them (429, 5xx) it counts one error request and takes nothing; else it takes up to
     * {@code min(queued in its lane, free slots, batch limit)} jobs FIFO, spaced by the policy's
     * spawn gaps. Jobs are picked up when the request returns: after the tick latency and any
     * cold start; until then the loop is in flight. A tick that sends no request decides at once.
     */
    private void tickStart(int loop, long now) {
        int daemon = daemonOf(loop);
        int k = loopInDaemon(loop);
        PollPolicy policy = policy(loop);
        LoopSpec spec = loopSpecs[k];
        parking.dropSentinel(loop);
        long overdue = dues.overdue(loop, now);
        if (overdue > 0) {
            metrics.overdue(overdue);
        }
        if (loop == 0) {
            seriesOverdueUs = overdue;
        }
        int rpt = requestsPerTick;
        boolean reaper = spec.role() == LoopSpec.Role.REAPER;
        boolean saturated = !reaper && !work.hasFreeSlot(daemon);
        TickError error = TickError.NONE;
        int dispatched = 0;
        long busy = 0;
        long responseDelay = 0;
        long deadline = TickOutcome.NO_DEADLINE;
        int pending;
        if (!saturated && rpt > 0) {
            if (!plainUpstream) {
                error = upstream.request(now, rpt);
                responseDelay = upstream.coldStartPaidUs();
            }
            responseDelay += fleet.tickLatencyUs();
        }
        if (error != TickError.NONE) {
            metrics.requests(RequestKind.ERROR, daemonOffset + daemon, k, 1, now);
            deadline = error == TickError.RATE_LIMITED ? upstream.retryAfterUs() : retries.nearestDeadline(daemon, now);
            pending = reaper ? work.queuedOrRunning() : work.lane(spec.lane()).size();
        } else if (reaper) {
            metrics.requests(RequestKind.HEARTBEAT, daemonOffset + daemon, k, rpt, now);
            pending = work.queuedOrRunning();
        } else {
            WorkQueue lane = work.lane(spec.lane());
            if (!saturated) {
                dispatched = Math.min(Math.min(lane.size(), work.freeSlots(daemon)), policy.batchLimit());
                if (dispatched > 0) {
                    busy = startJobs(loop, daemon, lane, policy, dispatched, now, now + responseDelay);
                }
                metrics.requests(dispatched > 0 ? RequestKind.WORK_POLL : RequestKind.EMPTY_POLL, daemonOffset + daemon, k,
                        rpt, now);
            }
            pending = lane.size();
            if (deadline == TickOutcome.NO_DEADLINE) {
                deadline = retries.nearestDeadline(daemon, now);
            }
        }
        metrics.tick(saturated);
        int freed = freedSinceTick[loop];
        freedSinceTick[loop] = 0;
        if (responseDelay == 0) {
            outcome.set(dispatched, freed, saturated, error, deadline).seen(pending, busy);
            decide(loop, now, dispatched, saturated);
        } else {
            flights.send(loop, dispatched, freed, error, deadline, pending, busy);
            pendingAt[loop] = now + responseDelay;
            armedAt[loop] = now;
            events.schedule(now + responseDelay, EventKind.TICK, now, loop | TICK_END);
        }
        if (dispatched > 0 && !work.hasFreeSlot(daemon)) {
            parking.unparkDaemon(daemon, now);
            if (parts != null) {
                watched.watch(loop);
            }
        }
        if (work.queued() > 0) {
            if (dispatched > 0) {
                worldEvents.workBecameVisible(now);
            }
            parking.guardAll(now);
        }
    }

    /**
     * Starts the first {@code take} jobs of {@code lane} on the loop's daemon: taken off the queue
     * at the tick, {@code now}, picked up when its request returns at {@code pickupUs}, started
     * one spawn gap apart.
     *
     * @return how long the spawning kept the loop busy past the pickup
     */
    private long startJobs(int loop, int daemon, WorkQueue lane, PollPolicy policy, int take, long now, long pickupUs) {
        long busy = 0;
        for (int i = 0; i < take; i++) {
            if (i > 0) {
                busy += policy.spawnGapUs();
            }
            long visible = lane.headArrivalUs();
            long start = pickupUs + busy;
            metrics.picked(pickupUs - visible);
            metrics.started(start, start - visible);
            if (observed) {
                observer.spawned(loop, start, start - visible);
            }
            long done = start + lane.headServiceUs();
            int id = work.start(lane, daemon, now, start);
            if (done < horizonUs) {
                events.schedule(done, EventKind.COMPLETION, id);
            }
        }
        return busy;
    }

    /**
     * The common tick, on its own short path: one loop per daemon, a worker, a plain upstream and
     * no tick latency, nothing queued or freed, no retry of its own pending, a free slot. It asks
     * what the general path would, less the questions whose answers are known.
     */
    private void emptyTick(int loop, long now) {
        metrics.emptyPoll(daemonOffset + loop, requestsPerTick, now);
        outcome.set(0, 0, false, TickError.NONE, TickOutcome.NO_DEADLINE).seen(0, 0);
        PollPolicy policy = policy(loop);
        long delay = policy.onTick(now, outcome);
        if (!fastForward && delay > 0 && delay < horizonUs - now && events.size() > HOLD_BELOW
                && policy.reportedDueUs(now, delay) == now + delay) {
            // decide and arm, less what is known here (nothing to park, suspend, report or hold
            // aside; no sentinel, no tick in flight): the common tick does not go through decide,
            // which, with all it inlines, the compiler may find too large to inline here
            long at = now + delay;
            pendingAt[loop] = at;
            armedAt[loop] = now;
            events.schedule(at, EventKind.TICK, now, loop);
            return;
        }
        decided(loop, now, 0, false, policy, delay);
    }

    private void tickEnd(int loop, long now) {
        flights.land(loop, outcome);
        decide(loop, now, outcome.dispatched(), false);
    }

    private void decide(int loop, long now, int dispatched, boolean saturated) {
        PollPolicy policy = policy(loop);
        decided(loop, now, dispatched, saturated, policy, policy.onTick(now, outcome));
    }

    /** Acts on the policy's answer to the loop's tick: re-arms, parks or suspends the loop. */
    private void decided(int loop, long now, int dispatched, boolean saturated, PollPolicy policy, long delay) {
        pendingAt[loop] = NO_TICK;
        if (observed) {
            observer.decided(loop, now, outcome, delay);
        }
        if (delay == PollPolicy.SUSPEND) {
            metrics.suspended();
        }
        if (fastForward && delay > 0 && delay < horizonUs - now && canPark(loop, dispatched, saturated)
                && policy.steadyIdlePeriodUs() == delay) {
            parking.dropSentinel(loop);
            reportDue(loop, now, delay);
            parking.park(loop, loopSpecs[loopInDaemon(loop)].lane(), now, delay);
        } else {
            arm(loop, now, delay);
        }
        if (loop == 0 && series) {
            long due = dues.of(0, delay >= 0 ? now + delay : ReportedDues.NO_DUE);
            metrics.decision(now, delay >= 0 ? delay : -1, due, seriesOverdueUs);
            seriesOverdueUs = 0;
        }
        if (work.queued() > 0 && delay == PollPolicy.SUSPEND) {
            worldEvents.workBecameVisible(now);
        }
    }

    /**
     * The daemon of a loop. A division costs tens of cycles, a tenth of a whole poll: most fleets
     * run one loop per daemon and divide by nothing.
     */
    private int daemonOf(int loop) {
        return loopsPerDaemon == 1 ? loop : loop / loopsPerDaemon;
    }

    /** Which of its daemon's loops a loop is: an index into {@link #loopSpecs}. */
    private int loopInDaemon(int loop) {
        return loopsPerDaemon == 1 ? 0 : loop % loopsPerDaemon;
    }

    private LoopState state(int loop) {
        if (responses && flights.inFlight(loop)) {
            return LoopState.IN_FLIGHT;
        }
        return pendingAt[loop] == NO_TICK ? LoopState.SUSPENDED : LoopState.WAITING;
    }

    /**
     * Arms the loop's next tick. Ticks of one instant run in the order they were armed, then in
     * loop order: a canonical order, independent of event-list history, that parked loops keep.
     */
    private void arm(int loop, long now, long delay) {
        if (responses && flights.inFlight(loop)) {
            return;
        }
        parking.dropSentinel(loop);
        if (delay == PollPolicy.SUSPEND) {
            pendingAt[loop] = NO_TICK;
            dues.clear(loop);
            return;
        }
        if (delay < 0) {
            throw new IllegalStateException("policy of loop " + loop + " answered a negative delay " + delay);
        }
        reportDue(loop, now, delay);
        if (delay >= horizonUs - now) {
            pendingAt[loop] = BEYOND_HORIZON;
            return;
        }
        long at = now + delay;
        if (at == pendingAt[loop] && now == armedAt[loop]) {
            return;
        }
        pendingAt[loop] = at;
        armedAt[loop] = now;
        hold(at, now, loop);
    }

    /** Records the due time the loop's daemon reports for a tick {@code delayUs} after {@code nowUs}. */
    private void reportDue(int loop, long nowUs, long delayUs) {
        dues.report(loop, policy(loop).reportedDueUs(nowUs, delayUs), nowUs + delayUs);
    }

    /**
     * Keeps the tick just armed aside: when the run loop finds it before every event in the list
     * (a lone daemon's idle ramp), it runs without entering the list. A tick held for the same
     * loop is superseded; one for another loop goes into the list.
     */
    private void hold(long at, long key, int loop) {
        if (parts != null) {
            parts.ticksOf(loop).schedule(at, EventKind.TICK, key, loop);
            return;
        }
        if (events.size() > HOLD_BELOW) {
            // a crowded list almost always has an event sooner: checking would only cost
            events.schedule(at, EventKind.TICK, key, loop);
            return;
        }
        if (heldLoop >= 0 && heldLoop != loop) {
            events.schedule(heldAt, EventKind.TICK, heldKey, heldLoop);
        }
        heldAt = at;
        heldKey = key;
        heldLoop = loop;
    }

    // ---- fast-forward: parked loops ---------------------------------------------------------

    /**
     * Whether a loop that just decided can stop generating events: its tick was idle (nothing
     * found, freed, saturated, failed or due), its lane is empty and its daemon has a free slot.
     */
    private boolean canPark(int loop, int dispatched, boolean saturated) {
        int daemon = daemonOf(loop);
        LoopSpec spec = loopSpecs[loopInDaemon(loop)];
        return !observed && spec.role() == LoopSpec.Role.WORKER && dispatched == 0 && !saturated
                && outcome.slotsFreed() == 0 && outcome.error() == TickError.NONE
                && outcome.deadlineUs() == TickOutcome.NO_DEADLINE && work.lane(spec.lane()).size() == 0
                && work.hasFreeSlot(daemon) && freedSinceTick[loop] == 0;
    }

    /**
     * A parked loop comes back ({@link ParkedLoops.Return}): its idle ticks are counted, with
     * their due times and, for loop 0, the series; with {@code rearm} its next tick is armed.
     */
    private void cameBack(int loop, long a, long period, long done, long now, boolean rearm) {
        int daemon = daemonOf(loop);
        PollPolicy policy = policy(loop);
        metrics.idleTicks(daemonOffset + daemon, loopInDaemon(loop), a, period, done, requestsPerTick);
        if (done > 0) {
            long due = policy.reportedDueUs(a, period);
            if (a + period > due) {
                metrics.overdue(a + period - due);
            }
            if (loop == 0 && series) {
                long dueBefore = due;
                for (long k = 1; k <= done && k <= IntervalSeries.LIMIT; k++) {
                    long t = a + k * period;
                    long dueNext = policy.reportedDueUs(t, period);
                    metrics.decision(t, period, dueNext, ReportedDues.lateness(dueBefore, t));
                    dueBefore = dueNext;
                }
            }
        }
        if (!rearm) {
            pendingAt[loop] = NO_TICK;
            return;
        }
        long nextAt = a + (done + 1) * period;
        reportDue(loop, nextAt - period, period);
        if (nextAt >= horizonUs) {
            pendingAt[loop] = BEYOND_HORIZON;
            return;
        }
        pendingAt[loop] = nextAt;
        armedAt[loop] = nextAt - period;
        events.schedule(nextAt, EventKind.TICK, nextAt - period, loop);
    }
}
