package dev.pollsim.sim.model;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cores no run of a batch is using, which a run simulated tick by tick may borrow for a
 * stretch of idle ticks (see {@code TickParts}). Runs of a batch occupy one each while they run;
 * a run that ends gives its core back, so the batch's last long run gets the cores of those that
 * ended. Thread-safe; what it lends changes how fast a run goes, never what it computes.
 */
public final class SpareCores {

    private final AtomicInteger free;

    /** @param cores the cores of the batch, all spare until runs occupy them */
    public SpareCores(int cores) {
        if (cores < 1) {
            throw new IllegalArgumentException("cores must be at least 1, got " + cores);
        }
        this.free = new AtomicInteger(cores);
    }

    /** A run of the batch starts on a core of its own. */
    public void occupy() {
        free.decrementAndGet();
    }

    /** A run of the batch ended: its core is spare again. */
    public void release() {
        free.incrementAndGet();
    }

    /** Borrows up to {@code most} spare cores; answers how many. Give them back with {@link #give}. */
    int take(int most) {
        while (true) {
            int f = free.get();
            int n = Math.min(most, f);
            if (n <= 0) {
                return 0;
            }
            if (free.compareAndSet(f, f - n)) {
                return n;
            }
        }
    }

    /** Gives back cores borrowed with {@link #take}. */
    void give(int n) {
        if (n > 0) {
            free.addAndGet(n);
        }
    }
}
