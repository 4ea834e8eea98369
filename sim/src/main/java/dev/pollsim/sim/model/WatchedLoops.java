package dev.pollsim.sim.model;

import java.util.Arrays;

/**
 * The loops of a split run whose next tick must run on the run's own thread: each heard of a
 * freed slot since its last tick, or its daemon had no free slot when listed. Their next ticks
 * end the windows the parts run side by side (see {@link TickParts}). A loop stays listed until
 * neither holds, found when the list is next read.
 */
final class WatchedLoops {

    private final boolean[] listed;
    private int[] list = new int[16];
    private int size;

    /** @param loops the run's loops, one per daemon */
    WatchedLoops(int loops) {
        this.listed = new boolean[loops];
    }

    /** Lists the loop, unless it is listed. */
    void watch(int loop) {
        if (listed[loop]) {
            return;
        }
        listed[loop] = true;
        if (size == list.length) {
            list = Arrays.copyOf(list, size * 2);
        }
        list[size++] = loop;
    }

    /**
     * The first pending tick of a listed loop, {@code Long.MAX_VALUE} if none; drops the loops
     * that have no freed slot to hear of ({@code freedSinceTick}) and a free slot in
     * {@code work} (a split run's loop is its daemon).
     */
    long firstTick(long[] pendingAt, int[] freedSinceTick, FleetWork work) {
        long first = Long.MAX_VALUE;
        int kept = 0;
        for (int i = 0; i < size; i++) {
            int loop = list[i];
            if (freedSinceTick[loop] == 0 && work.hasFreeSlot(loop)) {
                listed[loop] = false;
                continue;
            }
            list[kept++] = loop;
            long at = pendingAt[loop];
            if (at >= 0 && at < first) {
                first = at;
            }
        }
        size = kept;
        return first;
    }
}
