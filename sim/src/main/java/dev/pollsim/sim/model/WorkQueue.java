package dev.pollsim.sim.model;

import dev.pollsim.sim.workload.Origin;

/**
 * One lane of the upstream work queue: FIFO jobs held in primitive ring buffers (visible time,
 * service time, origin, attempt), no object per job. Grows by doubling; allocation-free
 * otherwise. NOT thread-safe.
 */
public final class WorkQueue {

    private static final Origin[] ORIGINS = Origin.values();

    private long[] arrivals;
    private long[] services;
    private byte[] origins;
    private byte[] attempts;
    private int head;
    private int size;

    public WorkQueue(int initialCapacity) {
        int cap = Integer.highestOneBit(Math.max(16, initialCapacity - 1)) << 1;
        arrivals = new long[cap];
        services = new long[cap];
        origins = new byte[cap];
        attempts = new byte[cap];
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Appends a first attempt at the tail. */
    public void push(long arrivalUs, long serviceUs, Origin origin) {
        push(arrivalUs, serviceUs, origin, 1);
    }

    /**
     * Appends a job at the tail.
     *
     * @param visibleUs when it became visible (its arrival, or its retry deadline)
     * @param attempt 1 for a first run, 2 for the first retry, ...
     */
    public void push(long visibleUs, long serviceUs, Origin origin, int attempt) {
        if (size == arrivals.length) {
            grow();
        }
        int i = (head + size) & (arrivals.length - 1);
        arrivals[i] = visibleUs;
        services[i] = serviceUs;
        origins[i] = (byte) origin.ordinal();
        attempts[i] = (byte) attempt;
        size++;
    }

    /** Origin of the job at the head; only valid when not empty. */
    public Origin headOrigin() {
        return ORIGINS[origins[head]];
    }

    /** Attempt number of the job at the head; only valid when not empty. */
    public int headAttempt() {
        return attempts[head];
    }

    /** Arrival time of the job at the head; only valid when not empty. */
    public long headArrivalUs() {
        return arrivals[head];
    }

    /** Service time of the job at the head; only valid when not empty. */
    public long headServiceUs() {
        return services[head];
    }

    /** Removes the job at the head; only valid when not empty. */
    public void pop() {
        head = (head + 1) & (arrivals.length - 1);
        size--;
    }

    private void grow() {
        int cap = arrivals.length;
        long[] a = new long[cap * 2];
        long[] s = new long[cap * 2];
        byte[] o = new byte[cap * 2];
        byte[] n = new byte[cap * 2];
        int firstPart = cap - head;
        System.arraycopy(arrivals, head, a, 0, firstPart);
        System.arraycopy(arrivals, 0, a, firstPart, head);
        System.arraycopy(services, head, s, 0, firstPart);
        System.arraycopy(services, 0, s, firstPart, head);
        System.arraycopy(origins, head, o, 0, firstPart);
        System.arraycopy(origins, 0, o, firstPart, head);
        System.arraycopy(attempts, head, n, 0, firstPart);
        System.arraycopy(attempts, 0, n, firstPart, head);
        arrivals = a;
        attempts = n;
        services = s;
        origins = o;
        head = 0;
    }

    @Override
    public String toString() {
        return "WorkQueue[size=" + size + ", capacity=" + arrivals.length + "]";
    }

    /** The arrival times waiting, head first; for tests. */
    long[] arrivalTimes() {
        long[] out = new long[size];
        for (int k = 0; k < size; k++) {
            out[k] = arrivals[(head + k) & (arrivals.length - 1)];
        }
        return out;
    }
}
