package dev.pollsim.sim.model;

import java.util.Arrays;

/**
 * Loops parked in a steady idle state, grouped by period and lane. A parked loop anchored at time
 * {@code a} ticks, virtually, at {@code a + k x period}; within a group its members are sorted by
 * phase ({@code a mod period}) and then loop index, which is exactly the order in which their
 * virtual ticks fall, ties included (ticks armed at one instant run in loop order).
 *
 * <p>A group may name a sentinel: a member taken back into the event list as the group's next
 * tick while its lane holds work, so that no parked member ticks unseen while there is work to
 * find. Insertion and removal move array tails (a few microseconds at ten thousand members);
 * nothing is allocated once the arrays have grown. NOT thread-safe.
 */
final class PeriodicGroups {

    private long[] periods = new long[4];
    private int[] lanes = new int[4];
    private long[][] phases = new long[4][];
    private int[][] loops = new int[4][];
    private int[] sizes = new int[4];
    private int[] sentinels = new int[4];
    private int count;

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
            phases = Arrays.copyOf(phases, cap);
            loops = Arrays.copyOf(loops, cap);
            sizes = Arrays.copyOf(sizes, cap);
            sentinels = Arrays.copyOf(sentinels, cap);
        }
        periods[count] = periodUs;
        lanes[count] = lane;
        phases[count] = new long[16];
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

    /** Parks {@code loop}, anchored at {@code anchorUs}, in group {@code g}. */
    void add(int g, int loop, long anchorUs) {
        long phase = anchorUs % periods[g];
        int n = sizes[g];
        if (n == phases[g].length) {
            phases[g] = Arrays.copyOf(phases[g], n * 2);
            loops[g] = Arrays.copyOf(loops[g], n * 2);
        }
        int at = position(g, phase, loop);
        System.arraycopy(phases[g], at, phases[g], at + 1, n - at);
        System.arraycopy(loops[g], at, loops[g], at + 1, n - at);
        phases[g][at] = phase;
        loops[g][at] = loop;
        sizes[g] = n + 1;
    }

    /** Takes {@code loop}, anchored at {@code anchorUs}, out of group {@code g}. */
    void remove(int g, int loop, long anchorUs) {
        long phase = anchorUs % periods[g];
        int at = position(g, phase, loop);
        int n = sizes[g];
        if (at >= n || loops[g][at] != loop || phases[g][at] != phase) {
            throw new IllegalStateException("loop " + loop + " is not parked in group " + g);
        }
        System.arraycopy(phases[g], at + 1, phases[g], at, n - at - 1);
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
        long[] p = phases[g];
        int[] l = loops[g];
        int lo = 0;
        int hi = sizes[g];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (p[mid] < phase || (p[mid] == phase && l[mid] < loop)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
