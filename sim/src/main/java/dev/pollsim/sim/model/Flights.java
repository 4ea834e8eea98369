package dev.pollsim.sim.model;

import dev.pollsim.policy.TickError;
import dev.pollsim.policy.TickOutcome;

/**
 * The ticks whose request is on its way (tick latency, a cold start): what each found when it
 * was sent, told to its policy when the response lands. A loop has at most one tick in flight.
 * Empty, and never in flight, in a fleet whose ticks never wait for a response. NOT thread-safe.
 */
final class Flights {

    private static final TickError[] ERRORS = TickError.values();

    private final boolean[] inFlight;
    private final int[] dispatched;
    private final int[] freed;
    private final byte[] error;
    private final long[] deadline;
    private final int[] pending;
    private final long[] busy;

    /** @param loops the fleet's loops, or 0 when no tick waits for its response */
    Flights(int loops) {
        this.inFlight = new boolean[loops];
        this.dispatched = new int[loops];
        this.freed = new int[loops];
        this.error = new byte[loops];
        this.deadline = new long[loops];
        this.pending = new int[loops];
        this.busy = new long[loops];
    }

    /** Whether the loop's tick waits for its response; asked only in a fleet whose ticks may. */
    boolean inFlight(int loop) {
        return inFlight[loop];
    }

    /** The loop's tick is sent, having found this: the arguments of {@link TickOutcome#set} and {@link TickOutcome#seen}. */
    void send(int loop, int dispatchedJobs, int slotsFreed, TickError err, long deadlineUs, int pendingWork,
            long busyUs) {
        dispatched[loop] = dispatchedJobs;
        freed[loop] = slotsFreed;
        error[loop] = (byte) err.ordinal();
        deadline[loop] = deadlineUs;
        pending[loop] = pendingWork;
        busy[loop] = busyUs;
        inFlight[loop] = true;
    }

    /** The loop's response lands: its tick's outcome, as found when sent, into {@code outcome}. */
    TickOutcome land(int loop, TickOutcome outcome) {
        inFlight[loop] = false;
        return outcome.set(dispatched[loop], freed[loop], false, ERRORS[error[loop]], deadline[loop])
                .seen(pending[loop], busy[loop]);
    }

    /** The loop's tick in flight is lost (its daemon restarted). */
    void drop(int loop) {
        if (inFlight.length != 0) {
            inFlight[loop] = false;
        }
    }
}
