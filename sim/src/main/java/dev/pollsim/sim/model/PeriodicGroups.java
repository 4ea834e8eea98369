package dev.pollsim.sim.model;

import java.util.Arrays;

/**
 * Loops parked in a steady idle state, grouped by period and lane. A parked loop anchored at time
 * {@code a} ticks, virtually, at {@code a + k x period}; within a group its members are sorted by
 * phase ({@code a mod period}) and then loop index, which is exactly the order in which their
 * virtual ticks fall, ties included (ticks armed at one instant run in loop order). Anchors are
 * read from the simulation's per-loop array, where a member's must not change while it is
 * parked; a group holds only its members' indices.
 *
 * <p>A group may name a sentinel: a member taken back into the event list as the group's next
 * tick while its lane holds work, so that no parked member ticks unseen while there is work to
 * find. Insertion and removal move array tails (a few microseconds at ten thousand members);
 * nothing is allocated once the arrays have grown. NOT thread-safe.
 */
final class PeriodicGroups {

    private final long[] anchors;
    private long[] periods = new long[4];
    private int[] lanes = new int[4];
    private int[][] loops = new int[4][];
    private int[] sizes = new int[4];
    private int[] sentinels = new int[4];
    private int count;

    /** @param anchors each loop's anchor while it is parked, by loop index */
    PeriodicGroups(long[] anchors) {
        this.anchors = anchors;
    }

    /** The group of this period and lane, created if new. */
    int group(long periodUs, int lane) {
        for (int g = 0; g < count; g++) {
            if (periods[g] == periodUs && lanes[g] == lane) {
                return g;
            }
        }
        if (count == periods.length) {
            int cap = count * 2;
            periods = Arrays.copyOf(periods, cap);
            lanes = Arrays.copyOf(lanes, cap);
            loops = Arrays.copyOf(loops, cap);
            sizes = Arrays.copyOf(sizes, cap);
            sentinels = Arrays.copyOf(sentinels, cap);
        }
        periods[count] = periodUs;
        lanes[count] = lane;
        loops[count] = new int[16];
        sentinels[count] = -1;
        return count++;
    }

    int groups() {
        return count;
    }

    long period(int g) {
        return periods[g];
    }

    int lane(int g) {
        return lanes[g];
    }

    int size(int g) {
        return sizes[g];
    }

    int sentinel(int g) {
        return sentinels[g];
    }

    void sentinel(int g, int loop) {
        sentinels[g] = loop;
    }

    /** Parks {@code loop}, its anchor set, in group {@code g}. */
    void add(int g, int loop) {
        int n = sizes[g];
        if (n == loops[g].length) {
            loops[g] = Arrays.copyOf(loops[g], n * 2);
        }
        int at = position(g, anchors[loop] % periods[g], loop);
        System.arraycopy(loops[g], at, loops[g], at + 1, n - at);
        loops[g][at] = loop;
        sizes[g] = n + 1;
    }

    /** Takes {@code loop}, its anchor unchanged since it was parked, out of group {@code g}. */
    void remove(int g, int loop) {
        int at = position(g, anchors[loop] % periods[g], loop);
        int n = sizes[g];
        if (at >= n || loops[g][at] != loop) {
            throw new IllegalStateException("loop " + loop + " is not parked in group " + g);
        }
        System.arraycopy(loops[g], at + 1, loops[g], at, n - at - 1);
        sizes[g] = n - 1;
    }

    /**
     * The member whose next virtual tick comes first at or after {@code nowUs}: the first in
     * (phase, loop) order from the phase of {@code nowUs}, going round. Valid when no member was
     * anchored at {@code nowUs} itself.
     */
    int first(int g, long nowUs) {
        int at = position(g, nowUs % periods[g], -1);
        return loops[g][at == sizes[g] ? 0 : at];
    }

    /** The index of the first member not before (phase, loop). */
    private int position(int g, long phase, int loop) {
        int[] l = loops[g];
        long period = periods[g];
        int lo = 0;
        int hi = sizes[g];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            long p = anchors[l[mid]] % period;
            if (p < phase || (p == phase && l[mid] < loop)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
