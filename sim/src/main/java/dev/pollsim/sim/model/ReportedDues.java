package dev.pollsim.sim.model;

import java.util.Arrays;

/**
 * The due time each loop's daemon reports for its next tick (its status endpoint's answer, which
 * in seed 002 disagreed with its scheduler), against which a tick that comes later counts as
 * overdue. Held only once some policy reports a due time other than the tick it armed:
 * until then every due time is its tick's own, which no tick comes after, and a fleet pays
 * nothing for it. NOT thread-safe.
 */
final class ReportedDues {

    /** No due time: the loop is suspended, or has not reported one. */
    static final long NO_DUE = -1L;

    private final int loops;
    /** Each loop's reported due time; null while every due time reported was its tick's own. */
    private long[] due;

    ReportedDues(int loops) {
        this.loops = loops;
    }

    /** Whether every due time reported so far was its tick's own: no tick can come overdue. */
    boolean atTicks() {
        return due == null;
    }

    /** Notes the due time {@code dueUs} the loop reports for the tick it armed at {@code tickUs}. */
    void report(int loop, long dueUs, long tickUs) {
        if (due == null) {
            if (dueUs == tickUs) {
                return;
            }
            due = new long[loops];
            Arrays.fill(due, NO_DUE);
        }
        due[loop] = dueUs;
    }

    /** The loop reports no due time: it is suspended. */
    void clear(int loop) {
        if (due != null) {
            due[loop] = NO_DUE;
        }
    }

    /** The loop's reported due time, or {@code tickUs} (the tick it armed) while all are at ticks. */
    long of(int loop, long tickUs) {
        return due != null ? due[loop] : tickUs;
    }

    /** How late a tick of the loop at {@code nowUs} comes against its reported due time. */
    long overdue(int loop, long nowUs) {
        return due == null ? 0 : lateness(due[loop], nowUs);
    }

    /** How late a tick at {@code nowUs} comes against {@code dueUs}. */
    static long lateness(long dueUs, long nowUs) {
        return dueUs != NO_DUE && nowUs > dueUs ? nowUs - dueUs : 0;
    }
}
