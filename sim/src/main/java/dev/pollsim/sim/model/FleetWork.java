package dev.pollsim.sim.model;

import dev.pollsim.sim.workload.Origin;

/**
 * The fleet's work: the jobs queued in their lanes, the jobs running, and the slots those hold on
 * each daemon. Every change of the queue first carries its depth to the metrics, so that the
 * hours it held still are counted. NOT thread-safe.
 */
final class FleetWork {

    private final WorkQueue[] lanes;
    private final QueueDepth depth;
    private final JobTable running = new JobTable(64);
    /** Jobs running on each daemon: the slots they hold. */
    private final int[] active;
    private int queued;
    private int totalActive;
    /** Slots per daemon: the same for every daemon, as a reload changes them fleet-wide. */
    private int maxConcurrent;

    /**
     * @param lanes how many lanes the queue has; arrivals and retries join lane 0
     * @param maxConcurrent slots per daemon
     * @param depth hears the queue's depth before each change
     */
    FleetWork(int daemons, int lanes, int maxConcurrent, QueueDepth depth) {
        this.lanes = new WorkQueue[lanes];
        for (int i = 0; i < lanes; i++) {
            this.lanes[i] = new WorkQueue(i == 0 ? 1024 : 16);
        }
        this.active = new int[daemons];
        this.maxConcurrent = maxConcurrent;
        this.depth = depth;
    }

    /** Jobs queued, in all lanes. */
    int queued() {
        return queued;
    }

    /** Jobs queued or running: what a reaper's sweep sees. */
    int queuedOrRunning() {
        return queued + totalActive;
    }

    WorkQueue lane(int lane) {
        return lanes[lane];
    }

    /** The lanes, for a reader of their sizes. */
    WorkQueue[] lanes() {
        return lanes;
    }

    /** A job (an arrival, or a retry at its deadline) joins lane 0 at {@code nowUs}. */
    void enqueue(long nowUs, long serviceUs, Origin origin, int attempt) {
        depth.carry(nowUs, queued);
        lanes[0].push(nowUs, serviceUs, origin, attempt);
        queued++;
    }

    /**
     * The job at the head of {@code lane} leaves the queue at {@code nowUs} and runs on
     * {@code daemon} from {@code startUs}, holding one of its slots.
     *
     * @return the running job's id
     */
    int start(WorkQueue lane, int daemon, long nowUs, long startUs) {
        // carried before the first of a tick's jobs; at the same instant again it changes nothing
        depth.carry(nowUs, queued);
        int id = running.add(daemon, lane.headServiceUs(), startUs, lane.headOrigin(), lane.headAttempt());
        lane.pop();
        queued--;
        active[daemon]++;
        totalActive++;
        return id;
    }

    /** A running job ends and frees its slot; read it first. */
    void finish(int id) {
        active[running.daemon(id)]--;
        totalActive--;
        running.free(id);
    }

    int daemonOf(int id) {
        return running.daemon(id);
    }

    long serviceUs(int id) {
        return running.serviceUs(id);
    }

    Origin origin(int id) {
        return running.origin(id);
    }

    int attempt(int id) {
        return running.attempt(id);
    }

    /** Slots free on the daemon; negative once a reload lowered the limit below its running jobs. */
    int freeSlots(int daemon) {
        return maxConcurrent - active[daemon];
    }

    boolean hasFreeSlot(int daemon) {
        return active[daemon] < maxConcurrent;
    }

    /** A reload changes the slots per daemon; running jobs keep theirs. */
    void limit(int slots) {
        maxConcurrent = slots;
    }

    /** The run ends at {@code horizonUs}: the queue's depth is carried to it. @return jobs still queued */
    int end(long horizonUs) {
        depth.carry(horizonUs, queued);
        return queued;
    }
}
