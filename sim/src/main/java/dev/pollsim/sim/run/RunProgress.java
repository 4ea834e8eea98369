package dev.pollsim.sim.run;

/**
 * Hears how far a run has got, in simulated microseconds summed over its policies: a run of
 * {@code p} policies over a horizon of {@code h} reports {@code p * h} in all, each policy at
 * most once per {@link ScenarioRunner#PROGRESS_STEP_US} of its simulated time and once more at
 * its end. A policy whose loops all suspend reports nothing until its end. Reports come from the
 * runner's worker threads: an implementation must be thread-safe and cheap. It never changes a
 * result.
 */
@FunctionalInterface
public interface RunProgress {

    /** Hears nothing. */
    RunProgress NONE = simulatedUs -> { };

    /** One policy simulated {@code simulatedUs} more. */
    void advanced(long simulatedUs);
}
