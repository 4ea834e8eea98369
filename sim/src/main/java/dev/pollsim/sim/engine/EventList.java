package dev.pollsim.sim.engine;

import dev.pollsim.policy.param.Durations;
import java.util.Arrays;

/**
 * The future event list: a 4-ary min-heap of primitive events ordered by time, then
 * {@link EventKind} order, then sequence number.
 *
 * <p>An event is three primitives held in parallel arrays (time, kind and sequence packed in
 * one {@code long}, and an {@code int} payload); there is no object per event, and scheduling
 * and popping allocate nothing once the arrays have grown to the run's high-water mark.
 * Scheduling before the time of the last popped event is refused.
 *
 * <p>NOT thread-safe.
 */
public final class EventList {

    private static final int KIND_SHIFT = 60;
    private static final long SEQ_MASK = (1L << KIND_SHIFT) - 1;

    private long[] times;
    private long[] orders;
    private int[] payloads;
    private int size;
    private long nextSeq;
    private long now;

    private long lastTime;
    private long lastOrder;
    private int lastPayload;

    /** @param initialCapacity events held before the first growth */
    public EventList(int initialCapacity) {
        int cap = Math.max(4, initialCapacity);
        times = new long[cap];
        orders = new long[cap];
        payloads = new int[cap];
    }

    /** The time of the last popped event, in microseconds; 0 before the first pop. */
    public long now() {
        return now;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The time of the next event; only valid when not empty. */
    public long peekTime() {
        return times[0];
    }

    /**
     * Schedules an event.
     *
     * @param timeUs when, in microseconds; not before {@link #now()}
     * @param kind one of {@link EventKind}
     * @param payload what the event acts on (a loop, daemon or job index)
     * @return the event's sequence number, unique within this list
     * @throws IllegalStateException if {@code timeUs} is in the past
     */
    public long schedule(long timeUs, int kind, int payload) {
        if (timeUs < now) {
            throw new IllegalStateException("cannot schedule a " + EventKind.name(kind) + " event (payload "
                    + payload + ") at " + formatTime(timeUs) + ": simulated time is already "
                    + formatTime(now));
        }
        if (size == times.length) {
            grow();
        }
        long seq = nextSeq++;
        long order = ((long) kind << KIND_SHIFT) | seq;
        siftUp(size++, timeUs, order, payload);
        return seq;
    }

    /**
     * Removes the next event and advances {@link #now()} to its time. Read it back with
     * {@link #lastTime()}, {@link #lastKind()}, {@link #lastSeq()} and {@link #lastPayload()}.
     *
     * @return the event's payload
     */
    public int pop() {
        lastTime = times[0];
        lastOrder = orders[0];
        lastPayload = payloads[0];
        now = lastTime;
        int last = --size;
        if (last > 0) {
            siftDown(0, times[last], orders[last], payloads[last]);
        }
        return lastPayload;
    }

    public long lastTime() {
        return lastTime;
    }

    public int lastKind() {
        return (int) (lastOrder >>> KIND_SHIFT);
    }

    public long lastSeq() {
        return lastOrder & SEQ_MASK;
    }

    public int lastPayload() {
        return lastPayload;
    }

    private void siftUp(int index, long time, long order, int payload) {
        int i = index;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            long pt = times[parent];
            if (pt < time || (pt == time && orders[parent] < order)) {
                break;
            }
            times[i] = pt;
            orders[i] = orders[parent];
            payloads[i] = payloads[parent];
            i = parent;
        }
        times[i] = time;
        orders[i] = order;
        payloads[i] = payload;
    }

    private void siftDown(int index, long time, long order, int payload) {
        int i = index;
        int n = size;
        while (true) {
            int first = (i << 2) + 1;
            if (first >= n) {
                break;
            }
            int best = first;
            long bt = times[first];
            long bo = orders[first];
            int end = Math.min(first + 4, n);
            for (int c = first + 1; c < end; c++) {
                long ct = times[c];
                if (ct < bt || (ct == bt && orders[c] < bo)) {
                    best = c;
                    bt = ct;
                    bo = orders[c];
                }
            }
            if (time < bt || (time == bt && order < bo)) {
                break;
            }
            times[i] = bt;
            orders[i] = bo;
            payloads[i] = payloads[best];
            i = best;
        }
        times[i] = time;
        orders[i] = order;
        payloads[i] = payload;
    }

    private void grow() {
        int cap = times.length * 2;
        times = Arrays.copyOf(times, cap);
        orders = Arrays.copyOf(orders, cap);
        payloads = Arrays.copyOf(payloads, cap);
    }

    private static String formatTime(long us) {
        return Durations.format(us) + " (" + us + " us)";
    }
}
