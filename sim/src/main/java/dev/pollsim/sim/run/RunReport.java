package dev.pollsim.sim.run;

import dev.pollsim.sim.metrics.PolicyResult;
import java.util.List;

/**
 * Every policy's result over one scenario, in the order the policies were asked for.
 *
 * @param scenario the scenario's name
 * @param seed its master seed
 * @param days simulated days
 * @param daemons fleet size
 * @param results one per policy label
 * @param warnings what a reader of the results must know about the run, such as a trace cut short
 *     by the run's days; empty when nothing is amiss
 */
public record RunReport(String scenario, long seed, int days, int daemons, List<PolicyResult> results,
        List<String> warnings) {

    public RunReport {
        results = List.copyOf(results);
        warnings = List.copyOf(warnings);
    }

    /** A report with nothing to warn of. */
    public RunReport(String scenario, long seed, int days, int daemons, List<PolicyResult> results) {
        this(scenario, seed, days, daemons, results, List.of());
    }
}
