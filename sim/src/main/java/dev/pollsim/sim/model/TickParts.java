package dev.pollsim.sim.model;

import dev.pollsim.policy.PollPolicy;
import dev.pollsim.policy.TickOutcome;
import dev.pollsim.policy.param.Durations;
import dev.pollsim.sim.engine.EventKind;
import dev.pollsim.sim.engine.EventList;
import dev.pollsim.sim.metrics.RunMetrics;
import java.util.concurrent.locks.LockSupport;

/**
 * A shared-queue fleet's loops in contiguous parts, each with an event list of its own ticks,
 * whose idle stretches run side by side, one part per thread.
 *
 * <p>Why it is exact: while the queue is empty and no loop has a freed slot to hear of or a full
 * daemon, a tick finds nothing, and touches only its own loop (its policy, its next tick) and
 * counts that add up. Between two events that touch the queue or a daemon's slots (an arrival,
 * a completion, a control, a watched loop's tick: the window's limit), the parts' ticks are
 * therefore independent of each other, and each part runs its own in its own order. Each part
 * counts into metrics of its own, added to the run's at its end: sums, whose order does not
 * matter. Everything else runs on the run's thread, taking the next event of all lists in the
 * one order of the run, so the output is the same byte for byte for any number of parts.
 *
 * <p>Part 0 runs on the calling thread, and so do the parts no helper thread is given for a
 * window; the others run on threads of their own, started at the first window given helpers and
 * ended by {@link #close}. A helper costs its window a hand-off of some microseconds: worth it
 * for the tens of thousands of ticks between arrivals in a large fleet, not for a few hundred.
 */
final class TickParts implements AutoCloseable {

    /** Spins before the calling thread parks to wait for a helper: about a window's imbalance between parts. */
    private static final int CALLER_SPINS = 1 << 12;
    /** Spins before an idle helper parks: short, as the core may be wanted by another run. */
    private static final int HELPER_SPINS = 1 << 8;
    /** Windows a helper serves per call of {@link #serve}. */
    private static final int WINDOWS_PER_CALL = 64;

    private final Part[] parts;
    private final int loops;
    /** The fewest ticks a window is expected to hold to be worth helper threads. */
    private final long helpedTicks;
    /** The cores the windows may borrow. */
    private SpareCores cores;
    /** The last window's ticks and span: the density that says whether the next is worth helpers. */
    private long windowTicks;
    private long windowSpanUs;
    private Thread[] workers;
    private Thread caller;
    private int round;
    private long helpedWindows;
    private volatile boolean closed;
    private long limitUs;

    /**
     * @param loops the fleet's loops, one per daemon
     * @param count parts, from 2 to {@code loops}
     * @param sorted whether first ticks arrive in time order (see {@link EventList#EventList(int, int)})
     * @param helpedTicks the fewest ticks a window is expected to hold to be worth helper threads
     */
    TickParts(int loops, int count, boolean sorted, long helpedTicks, Loops fleet) {
        this.loops = loops;
        this.helpedTicks = helpedTicks;
        // the run has the world's tick threads to itself, one of them its own, until it shares a batch's
        this.cores = new SpareCores(count);
        cores.occupy();
        this.parts = new Part[count];
        for (int p = 0; p < count; p++) {
            parts[p] = new Part(first(p), first(p + 1), sorted, fleet);
        }
    }

    /** What a part reads and writes of the run: the loops' tick times, their policies, the series. */
    record Loops(LoopPolicies policies, long[] pendingAt, long[] armedAt, int requestsPerTick, long horizonUs,
            RunMetrics series) {
    }

    /**
     * Shares the cores of a batch of runs: the windows borrow only those no run of the batch is
     * using.
     */
    void shareCores(SpareCores batch) {
        this.cores = batch;
    }

    /** How many parts: at most one more than the helpers a window can use. */
    int count() {
        return parts.length;
    }

    /** Windows run with helper threads so far. */
    long helpedWindows() {
        return helpedWindows;
    }

    /** Ticks the parts have popped so far. */
    long handled() {
        long n = 0;
        for (Part p : parts) {
            n += p.handled;
        }
        return n;
    }

    /** The first loop of part {@code p}: the parts' sizes differ by one at most. */
    private int first(int p) {
        return (int) ((long) p * loops / parts.length);
    }

    /** The event list of the loop's ticks: of the last part whose first loop is not after it. */
    EventList ticksOf(int loop) {
        return parts[(int) (((loop + 1L) * parts.length - 1) / loops)].ticks;
    }

    /** The list among the parts' that holds the next tick; null when none holds any. */
    EventList first() {
        EventList best = null;
        for (Part p : parts) {
            if (!p.ticks.isEmpty() && (best == null || p.ticks.firstBefore(best))) {
                best = p.ticks;
            }
        }
        return best;
    }

    /** Whether some part has a tick before {@code limitUs}. */
    boolean anyBefore(long limitUs) {
        for (Part p : parts) {
            if (!p.ticks.isEmpty() && p.ticks.peekTime() < limitUs) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs the window from {@code fromUs} to {@code limitUs}: every part's ticks before the limit,
     * with helper threads when spare cores are free and the window, at the last one's density,
     * holds enough ticks to be worth them.
     */
    void runWindow(long fromUs, long limitUs) {
        long span = limitUs - fromUs;
        // (a product past 2^63, hours of a huge fleet's ticks, is plenty)
        long expected = windowSpanUs <= 0 || span <= 0 ? 0
                : windowTicks > Long.MAX_VALUE / span ? Long.MAX_VALUE : windowTicks * span / windowSpanUs;
        int helpers = expected >= helpedTicks ? cores.take(parts.length - 1) : 0;
        long before = handled();
        try {
            runBefore(limitUs, helpers);
        } finally {
            cores.give(helpers);
        }
        windowTicks = handled() - before;
        windowSpanUs = span;
    }

    /**
     * Runs every part's ticks before {@code limitUs}, each of which must be an idle tick (see the
     * class comment): parts {@code 1..helpers} on helper threads, the rest on the calling thread.
     * Returns when all parts are done.
     *
     * @param helpers helper threads to use, below {@link #count()}
     */
    private void runBefore(long limitUs, int helpers) {
        if (helpers > 0 && workers == null) {
            start();
        }
        this.limitUs = limitUs;
        int r = ++round;
        if (helpers > 0) {
            helpedWindows++;
        }
        for (int p = 1; p <= helpers; p++) {
            parts[p].go = r;
            LockSupport.unpark(workers[p - 1]);
        }
        parts[0].runBefore(limitUs);
        for (int p = helpers + 1; p < parts.length; p++) {
            parts[p].runBefore(limitUs);
        }
        for (int p = 1; p <= helpers; p++) {
            Part part = parts[p];
            for (int spin = 0; part.done != r; spin++) {
                if (spin < CALLER_SPINS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            if (part.failure != null) {
                throw rethrown(part.failure);
            }
        }
    }

    /** Adds the parts' counts into the run's metrics. */
    void addInto(RunMetrics metrics) {
        for (Part p : parts) {
            p.addInto(metrics);
        }
    }

    /** Ends the parts' threads. */
    @Override
    public void close() {
        closed = true;
        if (workers == null) {
            return;
        }
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void start() {
        caller = Thread.currentThread();
        workers = new Thread[parts.length - 1];
        for (int p = 1; p < parts.length; p++) {
            Part part = parts[p];
            Thread t = new Thread(() -> work(part), "pollsim-ticks-" + p);
            t.setDaemon(true);
            workers[p - 1] = t;
            t.start();
        }
    }

    /** A helper's life: windows of its part, until closed. */
    private void work(Part part) {
        while (serve(part, WINDOWS_PER_CALL)) {
            // a bounded number of windows per call
        }
    }

    /**
     * Waits for up to {@code most} windows of its part, runs each and says it is done; false once
     * closed. Returns now and then, as FleetSimulation's runEvents does, so that the helper
     * never stays for long in a compiled frame the compiler may since have dropped.
     */
    private boolean serve(Part part, int most) {
        int seen = part.done;
        for (int i = 0; i < most; i++) {
            int r;
            for (int spin = 0; (r = part.go) == seen && !closed; spin++) {
                if (spin < HELPER_SPINS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            if (closed) {
                return false;
            }
            seen = r;
            try {
                part.runBefore(limitUs);
            } catch (RuntimeException | Error e) {
                part.failure = e;
            }
            part.done = r;
            LockSupport.unpark(caller);
        }
        return true;
    }

    private static RuntimeException rethrown(Throwable t) {
        if (t instanceof Error) {
            throw (Error) t;
        }
        return (RuntimeException) t;
    }

    /**
     * One part: loops {@code from..to - 1}, their ticks, and what their idle ticks count. The
     * tick is written out here, counts in the part's own arrays included, rather than calling
     * the run's metrics: its loop then depends on no method compiled for other callers, which the
     * compiler may find too big to inline into it.
     */
    private static final class Part {

        final EventList ticks;
        private final int from;
        /** Every idle tick's outcome (nothing found, freed or failed), as made: policies only read it. */
        private final TickOutcome outcome = new TickOutcome();
        private final long[] pendingAt;
        private final long[] armedAt;
        /** The loops' policies, through a view of the part's own: packed, its own cursor. */
        private final LoopPolicies policies;
        private final int requestsPerTick;
        private final long horizonUs;
        /** The metrics holding loop 0's interval series, in the part that has loop 0 and records one; else null. */
        private final RunMetrics series;
        /** Idle ticks per loop of the part (at {@code loop - from}) and per hour of the run. */
        private final long[] polls;
        private final long[] hourly;
        private int hour;
        private long hourEndUs;
        private long suspends;
        long handled;
        /** The window its helper is to run next, and the last one it ran. */
        volatile int go;
        volatile int done;
        Throwable failure;

        Part(int from, int to, boolean sorted, Loops loops) {
            int n = to - from;
            this.from = from;
            this.ticks = sorted ? new EventList(16, n + 8) : new EventList(n + 8);
            this.pendingAt = loops.pendingAt();
            this.armedAt = loops.armedAt();
            this.policies = loops.policies().view();
            this.requestsPerTick = loops.requestsPerTick();
            this.horizonUs = loops.horizonUs();
            this.series = from == 0 ? loops.series() : null;
            this.polls = new long[n];
            this.hourly = new long[(int) ((horizonUs + Durations.MICROS_PER_HOUR - 1) / Durations.MICROS_PER_HOUR)];
            this.hourEndUs = Durations.MICROS_PER_HOUR;
        }

        /**
         * Runs the part's ticks before {@code limitUs}; stale ones (re-armed since) are skipped.
         * Each is an idle tick: what the run's general path does for a tick that finds the queue
         * empty, its daemon with a free slot and nothing freed (FleetSimulation's tickStart,
         * decided and arm), with every due time its tick's own.
         */
        void runBefore(long limitUs) {
            EventList list = ticks;
            long[] pending = pendingAt;
            long[] armed = armedAt;
            long n = 0;
            while (list.popBefore(limitUs)) {
                n++;
                int loop = list.lastPayload();
                long now = list.lastTime();
                if (now != pending[loop] || list.lastSeq() != armed[loop]) {
                    continue;
                }
                polls[loop - from]++;
                if (now >= hourEndUs) {
                    enterHour(now);
                }
                hourly[hour]++;
                long delay = policies.of(loop).onTick(now, outcome);
                if (delay >= 0 && delay < horizonUs - now) {
                    long at = now + delay;
                    pending[loop] = at;
                    armed[loop] = now;
                    list.schedule(at, EventKind.TICK, now, loop);
                } else {
                    decidedRarely(loop, now, delay);
                }
                if (loop == 0 && series != null) {
                    series.decision(now, delay >= 0 ? delay : -1, delay >= 0 ? now + delay : ReportedDues.NO_DUE, 0);
                }
            }
            policies.flush();
            handled += n;
        }

        private void enterHour(long now) {
            hour = (int) (now / Durations.MICROS_PER_HOUR);
            hourEndUs = (hour + 1) * Durations.MICROS_PER_HOUR;
        }

        /** A tick that suspends its loop, or whose next falls at or beyond the horizon. */
        private void decidedRarely(int loop, long now, long delay) {
            if (delay == PollPolicy.SUSPEND) {
                suspends++;
                pendingAt[loop] = FleetSimulation.NO_TICK;
            } else if (delay < 0) {
                throw new IllegalStateException("policy of loop " + loop + " answered a negative delay " + delay);
            } else {
                pendingAt[loop] = FleetSimulation.BEYOND_HORIZON;
            }
        }

        void addInto(RunMetrics metrics) {
            metrics.idlePolls(from, polls, hourly, requestsPerTick);
            metrics.suspended(suspends);
        }
    }
}
