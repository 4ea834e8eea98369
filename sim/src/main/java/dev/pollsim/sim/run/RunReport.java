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
 */
public record RunReport(String scenario, long seed, int days, int daemons, List<PolicyResult> results) {

    public RunReport {
        results = List.copyOf(results);
    }
}
