package dev.pollsim.sim.model;

import dev.pollsim.policy.TickOutcome;
import dev.pollsim.sim.workload.Origin;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The failed jobs waiting for their retry. At its deadline a retry is queued again and, when the
 * daemon that failed it hears deadline wakes, that daemon is woken; its record lives until both
 * have happened, under an id that names it in the run's events. Per daemon, a count of its
 * retries not yet queued, so that a tick asks for its nearest deadline only when there is one.
 * NOT thread-safe.
 */
final class RetryBook {

    private static final long NO_WAKE = -1L;

    private final JobTable jobs = new JobTable(16);
    private final int daemons;
    /** Retries not yet queued again, per daemon; null until the first failure. */
    private int[] waitingOf;
    /** The sequence of each retry's pending wake event, or {@link #NO_WAKE}. */
    private long[] wakeSeq = new long[16];
    /** The daemon's restart count when the wake was scheduled: a restart loses the wakes before it. */
    private int[] wakeEpoch = new int[16];
    private boolean[] queued = new boolean[16];

    RetryBook(int daemons) {
        this.daemons = daemons;
    }

    /** Notes a failed job, to be queued again at {@code deadlineUs}; returns its id. */
    int add(int daemon, long serviceUs, long deadlineUs, Origin origin, int attempt) {
        int id = jobs.add(daemon, serviceUs, deadlineUs, origin, attempt);
        if (waitingOf == null) {
            waitingOf = new int[daemons];
        }
        waitingOf[daemon]++;
        if (id >= wakeSeq.length) {
            int cap = Math.max(id + 1, wakeSeq.length * 2);
            wakeSeq = Arrays.copyOf(wakeSeq, cap);
            wakeEpoch = Arrays.copyOf(wakeEpoch, cap);
            queued = Arrays.copyOf(queued, cap);
        }
        queued[id] = false;
        wakeSeq[id] = NO_WAKE;
        return id;
    }

    /** The retry's wake is the event of sequence {@code seq}, scheduled in the daemon's life {@code epoch}. */
    void wakeAt(int id, long seq, int epoch) {
        wakeSeq[id] = seq;
        wakeEpoch[id] = epoch;
    }

    int daemon(int id) {
        return jobs.daemon(id);
    }

    long serviceUs(int id) {
        return jobs.serviceUs(id);
    }

    Origin origin(int id) {
        return jobs.origin(id);
    }

    int attempt(int id) {
        return jobs.attempt(id);
    }

    /** The retry's job is queued again; the record goes once its wake has happened too. */
    void requeued(int id) {
        queued[id] = true;
        waitingOf[jobs.daemon(id)]--;
        if (wakeSeq[id] == NO_WAKE) {
            jobs.free(id);
        }
    }

    /** Whether the event of sequence {@code seq} is the retry's wake, still pending. */
    boolean isWake(int id, long seq) {
        return jobs.isLive(id) && wakeSeq[id] == seq;
    }

    /** The daemon's life the retry's wake was scheduled in. */
    int wakeEpoch(int id) {
        return wakeEpoch[id];
    }

    /** The retry's wake has happened; the record goes once its job is queued again too. */
    void woken(int id) {
        wakeSeq[id] = NO_WAKE;
        if (queued[id]) {
            jobs.free(id);
        }
    }

    /** Whether a job this daemon failed waits for its retry deadline. */
    boolean waiting(int daemon) {
        return waitingOf != null && waitingOf[daemon] > 0;
    }

    /** The nearest retry deadline after {@code nowUs} of jobs this daemon failed, or {@link TickOutcome#NO_DEADLINE}. */
    long nearestDeadline(int daemon, long nowUs) {
        long best = TickOutcome.NO_DEADLINE;
        if (!waiting(daemon)) {
            return best;
        }
        for (int id = 0; id < jobs.idLimit(); id++) {
            if (jobs.isLive(id) && !queued[id] && jobs.daemon(id) == daemon) {
                long t = jobs.timeUs(id);
                if (t > nowUs && t < best) {
                    best = t;
                }
            }
        }
        return best;
    }

    /** The retries of this daemon not yet queued again, with deadlines in {@code [fromUs, toUs)}. */
    void forEachWaiting(int daemon, long fromUs, long toUs, IntConsumer action) {
        for (int id = 0; id < jobs.idLimit(); id++) {
            if (jobs.isLive(id) && !queued[id] && jobs.daemon(id) == daemon && jobs.timeUs(id) >= fromUs
                    && jobs.timeUs(id) < toUs) {
                action.accept(id);
            }
        }
    }

    /** The retry's deadline. */
    long deadlineUs(int id) {
        return jobs.timeUs(id);
    }

    /** Retries not yet queued again. */
    long waitingCount() {
        long n = 0;
        for (int id = 0; id < jobs.idLimit(); id++) {
            if (jobs.isLive(id) && !queued[id]) {
                n++;
            }
        }
        return n;
    }
}
