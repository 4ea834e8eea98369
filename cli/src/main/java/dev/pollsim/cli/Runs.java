package dev.pollsim.cli;

import dev.pollsim.sim.run.RunReport;
import dev.pollsim.sim.run.ScenarioRunner;
import dev.pollsim.sim.scenario.ResolvedPolicy;
import dev.pollsim.sim.scenario.Scenario;
import dev.pollsim.sim.scenario.WorkloadSpec;
import java.io.PrintWriter;
import java.util.List;
import java.util.OptionalInt;

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
     * Says on {@code err} when the scenario's trace goes on past the run's days: its later
     * arrivals were not replayed, and the results count only the jobs that arrived.
     */
    static void warnIfTraceCut(Scenario s, PrintWriter err) {
        if (s.workload() instanceof WorkloadSpec.Trace) {
            WorkloadSpec.Trace t = (WorkloadSpec.Trace) s.workload();
            OptionalInt own = t.daysBeyond(s.days());
            if (own.isPresent()) {
                int most = Math.min(own.getAsInt(), Scenario.MAX_DAYS);
                String hint = most > s.days() ? " (give --days " + most + ", or leave days out, to replay "
                        + (most == own.getAsInt() ? "it all)" : "the first " + most + ")") : "";
                err.println("pollsim: warning: trace " + t.file() + " spans " + own.getAsInt() + " days and the run "
                        + s.days() + ": its arrivals after day " + s.days() + " were not replayed" + hint);
                err.flush();
            }
        }
    }
}
