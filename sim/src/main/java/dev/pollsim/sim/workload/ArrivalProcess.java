package dev.pollsim.sim.workload;

/** When synthetic jobs arrive: a point process on the microsecond clock. NOT thread-safe. */
@FunctionalInterface
public interface ArrivalProcess {

    /** The next arrival time (non-decreasing), or {@link ArrivalSource#NONE}. */
    long nextTimeUs();
}
