package dev.pollsim.sim.metrics;

/** What an upstream request was for; every request is counted under exactly one kind. */
public enum RequestKind {
    /** A poll that found nothing to take. */
    EMPTY_POLL("emptyPoll"),
    /** A poll that found work and started at least one job. */
    WORK_POLL("workPoll"),
    /** A per-job claim or lease call made after a poll found work. */
    DEQUEUE("dequeue"),
    /** A request answered with an error (429 or 5xx). */
    ERROR("error"),
    /** A liveness or supervision request that is not a poll for work. */
    HEARTBEAT("heartbeat");

    private final String label;

    RequestKind(String label) {
        this.label = label;
    }

    /** The name used in JSON and CSV output. */
    public String label() {
        return label;
    }
}
