package dev.pollsim.sim.model;

import dev.pollsim.sim.workload.Origin;

/**
 * The upstream work queue: FIFO jobs held in primitive ring buffers (arrival time, service time,
 * origin), no object per job. Grows by doubling; allocation-free otherwise. NOT thread-safe.
 */
public final class WorkQueue {

    private long[] arrivals;
    private long[] services;
    private byte[] origins;
    private int head;
    private int size;

    public WorkQueue(int initialCapacity) {
        int cap = Integer.highestOneBit(Math.max(16, initialCapacity - 1)) << 1;
        arrivals = new long[cap];
        services = new long[cap];
        origins = new byte[cap];
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Appends a job at the tail. */
    public void push(long arrivalUs, long serviceUs, Origin origin) {
        if (size == arrivals.length) {
            grow();
        }
        int i = (head + size) & (arrivals.length - 1);
        arrivals[i] = arrivalUs;
        services[i] = serviceUs;
        origins[i] = (byte) origin.ordinal();
        size++;
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
        int firstPart = cap - head;
        System.arraycopy(arrivals, head, a, 0, firstPart);
        System.arraycopy(arrivals, 0, a, firstPart, head);
        System.arraycopy(services, head, s, 0, firstPart);
        System.arraycopy(services, 0, s, firstPart, head);
        System.arraycopy(origins, head, o, 0, firstPart);
        System.arraycopy(origins, 0, o, firstPart, head);
        arrivals = a;
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
