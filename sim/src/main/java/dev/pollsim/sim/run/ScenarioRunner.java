package dev.pollsim.sim.run;

import dev.pollsim.sim.engine.RandomStreams;
import dev.pollsim.sim.metrics.PolicyResult;
import dev.pollsim.sim.metrics.RunMetrics;
import dev.pollsim.sim.model.FleetSimulation;
import dev.pollsim.sim.scenario.ResolvedPolicy;
import dev.pollsim.sim.scenario.Scenario;
import dev.pollsim.sim.trace.TraceArrivals;
import dev.pollsim.sim.workload.ArrivalSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a scenario through each chosen policy. Every policy sees the same arrivals (the same
 * seed and streams), so their results compare side by side. Policies run in parallel, one per
 * core; each run is deterministic, so the report does not depend on the thread count.
 */
public final class ScenarioRunner {

    private final int threads;

    /** @param threads worker threads; 1 runs everything on the caller's thread */
    public ScenarioRunner(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.threads = threads;
    }

    /** A runner using every available core. */
    public static ScenarioRunner onAllCores() {
        return new ScenarioRunner(Runtime.getRuntime().availableProcessors());
    }

    /** Runs the scenario through every policy and gathers the report. */
    public RunReport run(Scenario scenario, List<ResolvedPolicy> policies) {
        List<PolicyResult> results = new ArrayList<>();
        if (threads == 1 || policies.size() == 1) {
            policies.forEach(p -> results.add(runOne(scenario, p)));
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, policies.size()));
            try {
                List<Future<PolicyResult>> futures = new ArrayList<>();
                policies.forEach(p -> futures.add(pool.submit(() -> runOne(scenario, p))));
                for (Future<PolicyResult> f : futures) {
                    results.add(f.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException) {
                    throw (RuntimeException) cause;
                }
                throw new IllegalStateException(cause);
            } finally {
                pool.shutdownNow();
            }
        }
        return new RunReport(scenario.name(), scenario.seed(), scenario.days(), scenario.fleet().daemons(), results);
    }

    /** Runs one policy over the scenario. */
    public static PolicyResult runOne(Scenario scenario, ResolvedPolicy policy) {
        RandomStreams streams = new RandomStreams(scenario.seed());
        long horizon = scenario.horizonUs();
        RunMetrics metrics = new RunMetrics(scenario.fleet().daemons(), horizon);
        ArrivalSource arrivals = scenario.workload().source(streams, scenario.fleet().jobOrigin());
        long stranded;
        try {
            stranded = new FleetSimulation(scenario.fleet().config(), policy.factory(), arrivals, streams, horizon,
                            metrics)
                    .run();
        } finally {
            if (arrivals instanceof TraceArrivals) {
                ((TraceArrivals) arrivals).close();
            }
        }
        return metrics.finish(policy.label(), policy.definition().name(), policy.params().asWritten(), stranded);
    }
}
