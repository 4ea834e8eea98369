package dev.pollsim.cli;

import dev.pollsim.sim.sweep.Replications;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options {@code sweep} and {@code tune} share: the scenario overrides of {@code run} under
 * the same names ({@code --days}, {@code --seed}, {@code --set}), the replications, the threads
 * and the progress bar.
 */
final class SweepOptions {

    @Option(names = "--days", paramLabel = "N", description = "Simulated days (overrides the scenario).")
    Integer days;

    @Option(names = "--seed", paramLabel = "S",
            description = "Master seed (overrides the scenario); replication r runs with a seed derived from it,"
                    + " replication 0 with S itself.")
    Long seed;

    @Option(names = "--set", paramLabel = "LABEL.PARAM=VALUE",
            description = "Sets a policy parameter for every point, e.g. --set exp-idle.interval=5s. Repeatable.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--replications", paramLabel = "N", defaultValue = "5",
            description = "Replications per point, each with its own seed (default: ${DEFAULT-VALUE}); with"
                    + " --target-half-width, the first round.")
    int replications;

    @Option(names = "--target-half-width", paramLabel = "FRACTION",
            description = "Sequential mode: add replications until each --target-metric's 95%% half-width is at most"
                    + " this fraction of its mean (0.05 = ±5%%), or --max-replications is reached.")
    Double targetHalfWidth;

    @Option(names = "--target-metric", split = ",", paramLabel = "METRIC",
            description = "Metrics the sequential target applies to (default: requestsPerDay,wakeLatencyMs.p99).")
    List<String> targetMetrics = new ArrayList<>();

    @Option(names = "--max-replications", paramLabel = "N", defaultValue = "50",
            description = "Most replications of a point in sequential mode (default: ${DEFAULT-VALUE}).")
    int maxReplications;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: every core). Results do not depend on it.")
    Integer threads;

    @Option(names = "--no-progress", description = "Never draw the progress bar.")
    boolean noProgress;

    /** The replication plan these options describe. */
    Replications replications() {
        if (targetHalfWidth == null) {
            if (!targetMetrics.isEmpty()) {
                throw new InputException("--target-metric needs --target-half-width");
            }
            return new Replications(replications, 0, replications, List.of());
        }
        if (!(targetHalfWidth > 0)) {
            throw new InputException("--target-half-width must be a positive fraction such as 0.05, got "
                    + targetHalfWidth);
        }
        return new Replications(replications, targetHalfWidth, maxReplications,
                targetMetrics.isEmpty() ? Replications.DEFAULT_TARGET_METRICS : targetMetrics);
    }

    /** The worker threads: {@code --threads}, else every core. */
    int threads() {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw new InputException("--threads must be at least 1, got " + n);
        }
        return n;
    }
}
