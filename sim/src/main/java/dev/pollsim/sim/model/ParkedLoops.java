package dev.pollsim.sim.model;

/**
 * Fast-forward's parked loops. A loop whose idle ticks from now on come at one steady period,
 * none of them an event, leaves the event list for the group of its period and lane
 * ({@link PeriodicGroups}); when something happens to it, or at the horizon, it comes back and
 * the idle ticks it made meanwhile are counted in closed form. While a lane holds work, each of
 * its groups keeps its next member in the event list (its sentinel), so that no parked loop ticks
 * unseen with work to find.
 *
 * <p>Shares the simulation's per-loop arrays: a parked loop's pending time is {@code PARKED - g}
 * for its group {@code g}, and its armed time is its anchor, the time of its last real tick,
 * unchanged while it is parked. Allocates nothing once the groups have grown. NOT thread-safe.
 */
final class ParkedLoops {

    /** What the simulation does with a loop that comes back: counts its idle ticks, re-arms it. */
    interface Return {
        /**
         * The loop, anchored at {@code anchorUs} and ticking every {@code periodUs} while parked,
         * made {@code idleTicks} ticks before {@code nowUs} (ticks of that instant count if they
         * come before the tick being handled); with {@code rearm}, its next tick, at {@code
         * anchorUs + (idleTicks + 1) x periodUs}, goes back into the event list.
         */
        void cameBack(int loop, long anchorUs, long periodUs, long idleTicks, long nowUs, boolean rearm);
    }

    /** {@code PARKED - g}: parked in group {@code g}; below every other pending time. */
    private static final long PARKED = -3L;

    private final long[] pendingAt;
    private final long[] armedAt;
    private final int loopsPerDaemon;
    private final WorkQueue[] lanes;
    private final Return back;
    private final PeriodicGroups groups;
    /** Groups that have a sentinel: while none has, no tick needs to look for one. */
    private int sentinels;
    /** The loop whose tick is being handled, or -1, and that tick's key (the time it was armed). */
    private int tickLoop = -1;
    private long tickKey = -1;

    /**
     * @param pendingAt the simulation's pending tick times, by loop
     * @param armedAt the simulation's armed times, by loop: a parked loop's anchor
     * @param lanes the work queues a group's lane names
     */
    ParkedLoops(long[] pendingAt, long[] armedAt, int loopsPerDaemon, WorkQueue[] lanes, Return back) {
        this.pendingAt = pendingAt;
        this.armedAt = armedAt;
        this.loopsPerDaemon = loopsPerDaemon;
        this.lanes = lanes;
        this.back = back;
        this.groups = new PeriodicGroups(armedAt);
    }

    /** Parks a loop of {@code lane} whose idle ticks from {@code nowUs} on come every {@code periodUs}. */
    void park(int loop, int lane, long nowUs, long periodUs) {
        int g = groups.group(periodUs, lane);
        armedAt[loop] = nowUs;
        pendingAt[loop] = PARKED - g;
        groups.add(g, loop);
    }

    boolean parked(int loop) {
        return pendingAt[loop] <= PARKED;
    }

    /**
     * The tick of {@code loop} armed at {@code key} is being handled: a parked tick of its instant
     * counts as made before it if it comes first (armed earlier, or at once by a lower loop).
     */
    void ticking(int loop, long key) {
        tickLoop = loop;
        tickKey = key;
    }

    /** No tick is being handled. */
    void ticked() {
        tickLoop = -1;
        tickKey = -1;
    }

    /**
     * Takes a parked loop out of its group and hands it back (see {@link Return}); its pending
     * time is then the simulation's to set.
     */
    void unpark(int loop, long nowUs, boolean rearm) {
        int g = (int) (PARKED - pendingAt[loop]);
        long period = groups.period(g);
        long a = armedAt[loop];
        groups.remove(g, loop);
        long done = nowUs > a ? (nowUs - 1 - a) / period : 0;
        long nextAt = a + (done + 1) * period;
        if (nextAt == nowUs && tickLoop >= 0
                && (nowUs - period < tickKey || (nowUs - period == tickKey && loop < tickLoop))) {
            done++;
        }
        back.cameBack(loop, a, period, done, nowUs, rearm);
    }

    /** Brings every parked loop of a daemon back into the event list, before anything happens to it. */
    void unparkDaemon(int daemon, long nowUs) {
        int first = daemon * loopsPerDaemon;
        for (int loop = first; loop < first + loopsPerDaemon; loop++) {
            if (parked(loop)) {
                unpark(loop, nowUs, true);
            }
        }
    }

    /** Brings every parked loop back: into the event list with {@code rearm}, else to be dropped. */
    void unparkAll(long nowUs, boolean rearm) {
        for (int loop = 0; loop < pendingAt.length; loop++) {
            if (parked(loop)) {
                unpark(loop, nowUs, rearm);
            }
        }
    }

    /** Whether some group has a sentinel: only then need a tick look for one. */
    boolean guarded() {
        return sentinels > 0;
    }

    /** Each group of {@code lane}, while the lane holds work, keeps its next member in the event list. */
    void guard(int lane, long nowUs) {
        if (lanes[lane].size() == 0) {
            return;
        }
        for (int g = 0; g < groups.groups(); g++) {
            if (groups.lane(g) == lane && groups.size(g) > 0 && groups.sentinel(g) < 0) {
                int loop = groups.first(g, nowUs);
                unpark(loop, nowUs, true);
                groups.sentinel(g, loop);
                sentinels++;
            }
        }
    }

    /** {@link #guard} for every lane. */
    void guardAll(long nowUs) {
        if (groups.groups() == 0) {
            return;
        }
        for (int lane = 0; lane < lanes.length; lane++) {
            guard(lane, nowUs);
        }
    }

    /**
     * The loop's next tick no longer guards its group (it ran, or was re-armed). A loop guards
     * at most one group, and there are few groups (one per steady period and lane).
     */
    void dropSentinel(int loop) {
        if (sentinels == 0) {
            return;
        }
        for (int g = 0; g < groups.groups(); g++) {
            if (groups.sentinel(g) == loop) {
                groups.sentinel(g, -1);
                sentinels--;
                return;
            }
        }
    }
}
