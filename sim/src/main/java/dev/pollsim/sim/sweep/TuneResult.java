package dev.pollsim.sim.sweep;

import java.util.List;

/**
 * What a tuning found.
 *
 * @param best the best setting: feasible with the best objective if any setting was feasible,
 *     else the one that misses the budgets least
 * @param history every setting tried, in order, refused ones included
 * @param optimiserEvaluations how many settings the CMA-ES phase ran (the rest refined)
 */
public record TuneResult(TuneCandidate best, List<TuneCandidate> history, int optimiserEvaluations) {

    public TuneResult {
        history = List.copyOf(history);
    }

    /** Settings run in all (each with its replications). */
    public int evaluations() {
        return (int) history.stream().filter(TuneCandidate::evaluated).count();
    }

    /** Settings the policy refused (values that do not go together), never run. */
    public int refused() {
        return history.size() - evaluations();
    }
}
