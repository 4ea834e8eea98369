package dev.pollsim.sim.sweep;

import java.util.List;

/**
 * What a tuning found.
 *
 * @param best the best setting: feasible with the best objective if any setting was feasible,
 *     else the one that misses the budgets least
 * @param history every setting evaluated, in evaluation order
 * @param optimiserEvaluations how many of them the CMA-ES phase evaluated (the rest refined)
 */
public record TuneResult(TuneCandidate best, List<TuneCandidate> history, int optimiserEvaluations) {

    public TuneResult {
        history = List.copyOf(history);
    }

    /** Settings evaluated in all (each with its replications). */
    public int evaluations() {
        return history.size();
    }
}
