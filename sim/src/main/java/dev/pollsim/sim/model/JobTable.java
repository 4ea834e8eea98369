package dev.pollsim.sim.model;

import dev.pollsim.sim.workload.Origin;
import java.util.Arrays;

/**
 * Jobs held outside the queue, by integer id: jobs running on a worker, and failed jobs waiting
 * for their retry deadline. Parallel primitive arrays with a free list; ids are reused after
 * {@link #free}. Allocation-free once grown. NOT thread-safe.
 */
final class JobTable {

    private static final Origin[] ORIGINS = Origin.values();

    private int[] daemon;
    private long[] serviceUs;
    private long[] timeUs;
    private byte[] origin;
    private byte[] attempt;
    private int[] nextFree;
    private int freeHead = -1;
    private int used;
    private int live;

    JobTable(int initialCapacity) {
        int cap = Math.max(16, initialCapacity);
        daemon = new int[cap];
        serviceUs = new long[cap];
        timeUs = new long[cap];
        origin = new byte[cap];
        attempt = new byte[cap];
        nextFree = new int[cap];
    }

    /**
     * Stores a job.
     *
     * @param timeUs a time the holder keeps with the job (its retry deadline, say)
     * @return its id
     */
    int add(int daemonIndex, long service, long timeUs, Origin from, int attemptNumber) {
        int id;
        if (freeHead >= 0) {
            id = freeHead;
            freeHead = nextFree[id];
        } else {
            if (used == daemon.length) {
                grow();
            }
            id = used++;
        }
        daemon[id] = daemonIndex;
        serviceUs[id] = service;
        this.timeUs[id] = timeUs;
        origin[id] = (byte) from.ordinal();
        attempt[id] = (byte) attemptNumber;
        nextFree[id] = -2;
        live++;
        return id;
    }

    void free(int id) {
        nextFree[id] = freeHead;
        freeHead = id;
        live--;
    }

    boolean isLive(int id) {
        return id >= 0 && id < used && nextFree[id] == -2;
    }

    int daemon(int id) {
        return daemon[id];
    }

    long serviceUs(int id) {
        return serviceUs[id];
    }

    long timeUs(int id) {
        return timeUs[id];
    }

    Origin origin(int id) {
        return ORIGINS[origin[id]];
    }

    int attempt(int id) {
        return attempt[id];
    }

    /** Jobs held now. */
    int size() {
        return live;
    }

    /** One past the highest id ever handed out; ids below it may be live. */
    int idLimit() {
        return used;
    }

    private void grow() {
        int cap = daemon.length * 2;
        daemon = Arrays.copyOf(daemon, cap);
        serviceUs = Arrays.copyOf(serviceUs, cap);
        timeUs = Arrays.copyOf(timeUs, cap);
        origin = Arrays.copyOf(origin, cap);
        attempt = Arrays.copyOf(attempt, cap);
        nextFree = Arrays.copyOf(nextFree, cap);
    }
}
