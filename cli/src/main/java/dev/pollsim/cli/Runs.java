package dev.pollsim.cli;

import dev.pollsim.sim.run.RunReport;
import dev.pollsim.sim.run.ScenarioRunner;
import dev.pollsim.sim.scenario.ResolvedPolicy;
import dev.pollsim.sim.scenario.Scenario;
import java.io.PrintWriter;
import java.util.List;

/** Runs a scenario on every core behind a progress bar, for the commands that run one. */
final class Runs {

    private Runs() {}

    /**
     * The report of {@code s} through {@code policies}. A bar on standard error follows the
     * simulated time of every policy, where {@link ProgressBar} draws at all.
     */
    static RunReport run(Scenario s, List<ResolvedPolicy> policies, boolean noProgress) {
        return run(s, policies, noProgress, true);
    }

    /** As {@link #run(Scenario, List, boolean)}; {@code fastForward} false simulates every tick. */
    static RunReport run(Scenario s, List<ResolvedPolicy> policies, boolean noProgress, boolean fastForward) {
        ScenarioRunner runner = fastForward ? ScenarioRunner.onAllCores() : ScenarioRunner.onAllCores().tickByTick();
        try (ProgressBar bar = ProgressBar.start("simulating", policies.size() * s.horizonUs(), noProgress)) {
            return runner.run(s, policies, bar::advance);
        }
    }

    /**
     * Says on {@code err} what a reader of the results must know about the run (a trace cut short
     * by the run's days, say): the same words as the JSON's {@code warnings}.
     */
    static void warn(List<String> warnings, PrintWriter err) {
        for (String w : warnings) {
            err.println("pollsim: warning: " + w);
        }
        err.flush();
    }
}
