package dev.pollsim.sim.run;

import dev.pollsim.policy.param.ParamException;
import dev.pollsim.policy.param.Durations;
import dev.pollsim.policy.param.ParamSpec;
import dev.pollsim.policy.param.PolicyParams;
import dev.pollsim.sim.engine.RandomStreams;
import dev.pollsim.sim.metrics.PolicyResult;
import dev.pollsim.sim.model.FaultPlan;
import dev.pollsim.sim.model.FleetSimulation;
import dev.pollsim.sim.model.RunShape;
import dev.pollsim.sim.model.SpareCores;
import dev.pollsim.sim.model.World;
import dev.pollsim.sim.scenario.FaultsSpec;
import dev.pollsim.sim.scenario.Located;
import dev.pollsim.sim.scenario.ResolvedPolicy;
import dev.pollsim.sim.scenario.Scenario;
import dev.pollsim.sim.scenario.WorkloadSpec;
import dev.pollsim.sim.trace.TraceArrivals;
import dev.pollsim.sim.workload.ArrivalSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ForkJoinPool;

/**
 * Runs a scenario through each chosen policy. Every policy sees the same arrivals (the same
 * seed and streams), so their results compare side by side. Policies run in parallel, one per
 * core; each run is deterministic, so the report does not depend on the thread count.
 */
public final class ScenarioRunner {

    /** How much simulated time a policy runs between two {@link RunProgress} reports. */
    public static final long PROGRESS_STEP_US = Durations.MICROS_PER_HOUR;

    private final int threads;
    private final boolean fastForward;

    /** @param threads worker threads; 1 runs everything on the caller's thread */
    public ScenarioRunner(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.threads = threads;
        this.fastForward = true;
    }

    private ScenarioRunner(int threads, boolean fastForward) {
        this.threads = threads;
        this.fastForward = fastForward;
    }

    /** This runner simulating every tick, with no idle stretch skipped: the same numbers, more slowly. */
    public ScenarioRunner tickByTick() {
        return new ScenarioRunner(threads, false);
    }

    /** A runner using every available core. */
    public static ScenarioRunner onAllCores() {
        return new ScenarioRunner(Runtime.getRuntime().availableProcessors());
    }

    /**
     * Runs the scenario through every policy and gathers the report.
     *
     * @throws dev.pollsim.sim.scenario.ScenarioException when a reload names a parameter no
     *     policy of the run declares, or gives it a bad value
     */
    public RunReport run(Scenario scenario, List<ResolvedPolicy> policies) {
        return run(scenario, policies, RunProgress.NONE);
    }

    /**
     * Runs the scenario through every policy, telling {@code progress} how far it has got, and
     * gathers the report (the same report as without {@code progress}).
     *
     * @throws dev.pollsim.sim.scenario.ScenarioException as {@link #run(Scenario, List)}
     */
    public RunReport run(Scenario scenario, List<ResolvedPolicy> policies, RunProgress progress) {
        checkReloadParams(scenario, policies);
        // independent daemons are split over a pool of this runner's own size: the common pool has
        // one worker fewer than the cores, and a caller waiting on it may not help
        ForkJoinPool pool = scenario.fleet().perDaemon() ? new ForkJoinPool(threads) : null;
        // a shared queue's run tick by tick borrows the cores of the policies' runs that ended;
        // when every run splits its idle stretches, they run one after another, each on every core
        SpareCores cores = new SpareCores(threads);
        boolean oneByOne = !fastForward && !scenario.fleet().perDaemon() && policies.stream().allMatch(
                p -> RunShape.splits(world(scenario, p).withFastForward(false).withTickThreads(threads),
                        p.factory()));
        try {
            List<PolicyResult> results = InOrder.map(policies, oneByOne ? 1 : threads, p -> {
                cores.occupy();
                try {
                    return runOne(scenario, p, progress, fastForward, pool, threads, cores);
                } finally {
                    cores.release();
                }
            });
            return new RunReport(scenario.name(), scenario.seed(), scenario.days(), scenario.fleet().daemons(), results,
                    warnings(scenario, policies));
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
    }

    /**
     * What a reader of the results of the scenario through {@code policies} must know: the
     * scenario's {@link #warnings(Scenario)}, then each policy's own (its factory's warnings,
     * under its label).
     */
    public static List<String> warnings(Scenario scenario, List<ResolvedPolicy> policies) {
        List<String> all = new ArrayList<>(warnings(scenario));
        policies.forEach(p -> all.addAll(warnings(p)));
        return List.copyOf(all);
    }

    /** A policy's own warnings (its factory's), each under its label. */
    public static List<String> warnings(ResolvedPolicy policy) {
        return policy.factory().warnings().stream().map(w -> "policy " + policy.label() + ": " + w).toList();
    }

    /**
     * What a reader of the scenario's results must know: a trace that goes on past the run's days
     * (one pass, after offset and scale) had its later arrivals left out, and the results count
     * only the jobs that arrived. Reads the trace once more.
     */
    public static List<String> warnings(Scenario scenario) {
        if (!(scenario.workload() instanceof WorkloadSpec.Trace)) {
            return List.of();
        }
        WorkloadSpec.Trace t = (WorkloadSpec.Trace) scenario.workload();
        OptionalInt own = t.daysBeyond(scenario.days());
        if (own.isEmpty()) {
            return List.of();
        }
        int days = scenario.days();
        int most = Math.min(own.getAsInt(), Scenario.MAX_DAYS);
        String hint = most > days ? " (give --days " + most + ", or leave days out, to replay "
                + (most == own.getAsInt() ? "it all)" : "the first " + most + ")") : "";
        return List.of("trace " + t.file() + " spans " + own.getAsInt() + " days and the run " + days
                + ": its arrivals after day " + days + " were not replayed" + hint);
    }

    /** Runs one policy over the scenario. */
    public static PolicyResult runOne(Scenario scenario, ResolvedPolicy policy) {
        return runOne(scenario, policy, RunProgress.NONE);
    }

    /** Runs one policy over the scenario, telling {@code progress} how far it has got. */
    public static PolicyResult runOne(Scenario scenario, ResolvedPolicy policy, RunProgress progress) {
        return runOne(scenario, policy, progress, true);
    }

    /**
     * Runs one policy over the scenario; {@code fastForward} false simulates every tick (the same
     * numbers, more slowly).
     */
    public static PolicyResult runOne(Scenario scenario, ResolvedPolicy policy, RunProgress progress,
            boolean fastForward) {
        return runOne(scenario, policy, progress, fastForward, ForkJoinPool.commonPool(), 1, null);
    }

    /**
     * As {@link #runOne(Scenario, ResolvedPolicy, RunProgress, boolean)}, independent daemons on
     * {@code pool}, a shared queue's idle stretches tick by tick on up to {@code tickThreads},
     * borrowed from {@code cores}.
     */
    private static PolicyResult runOne(Scenario scenario, ResolvedPolicy policy, RunProgress progress,
            boolean fastForward, ForkJoinPool pool, int tickThreads, SpareCores cores) {
        RandomStreams streams = new RandomStreams(scenario.seed());
        if (scenario.fleet().perDaemon()) {
            return new IndependentFleet(world(scenario, policy).withFastForward(fastForward), policy.factory(),
                    own -> scenario.workload().source(own, scenario.fleet().jobOrigin()), streams,
                    pool).result(policy.label(), policy.definition().name(),
                    policy.params().asWritten());
        }
        ArrivalSource arrivals = scenario.workload().source(streams, scenario.fleet().jobOrigin());
        try {
            FleetSimulation sim = new FleetSimulation(
                    world(scenario, policy).withFastForward(fastForward).withTickThreads(tickThreads),
                    policy.factory(), arrivals, streams);
            if (cores != null) {
                sim.shareCores(cores);
            }
            if (scenario.workload() instanceof WorkloadSpec.Burst) {
                WorkloadSpec.Burst b = (WorkloadSpec.Burst) scenario.workload();
                long slots = (long) scenario.fleet().daemons() * scenario.fleet().maxConcurrent();
                sim.watchRamp(b.at().micros(), Math.min(b.count(), slots));
            }
            if (progress == RunProgress.NONE) {
                return sim.result(policy.label(), policy.definition().name(), policy.params().asWritten());
            }
            ProgressSteps steps = new ProgressSteps(progress, scenario.horizonUs());
            sim.progress(steps::reached, PROGRESS_STEP_US);
            PolicyResult result = sim.result(policy.label(), policy.definition().name(), policy.params().asWritten());
            steps.finish();
            return result;
        } finally {
            if (arrivals instanceof TraceArrivals) {
                ((TraceArrivals) arrivals).close();
            }
        }
    }

    /** The world one policy runs in: the scenario's, with reloads resolved for that policy. */
    public static World world(Scenario scenario, ResolvedPolicy policy) {
        List<FaultPlan.Reload> reloads = new ArrayList<>();
        List<FaultsSpec.ReloadSpec> specs = scenario.faults().reloads();
        for (int i = 0; i < specs.size(); i++) {
            FaultsSpec.ReloadSpec r = specs.get(i);
            reloads.add(new FaultPlan.Reload(r.at().micros(), r.maxConcurrent() == null ? 0 : r.maxConcurrent(),
                    reloadParams(policy, r.params(), i)));
        }
        return new World(scenario.fleet().config(), scenario.upstream().config(), scenario.faults().plan(reloads),
                scenario.horizonUs());
    }

    private static PolicyParams reloadParams(ResolvedPolicy policy, Map<String, Located> given, int index) {
        Map<String, String> mine = new LinkedHashMap<>();
        given.forEach((k, v) -> {
            if (policy.params().has(k)) {
                mine.put(k, v.text());
            }
        });
        if (mine.isEmpty()) {
            return null;
        }
        try {
            return policy.params().with(policy.definition().params(), mine);
        } catch (ParamException e) {
            Located at = given.get(e.param());
            throw at.error("faults.reloads[" + index + "].params." + e.param(), e.getMessage());
        }
    }

    private static void checkReloadParams(Scenario scenario, List<ResolvedPolicy> policies) {
        List<FaultsSpec.ReloadSpec> specs = scenario.faults().reloads();
        for (int i = 0; i < specs.size(); i++) {
            for (Map.Entry<String, Located> e : specs.get(i).params().entrySet()) {
                boolean declared = policies.stream().anyMatch(p -> p.params().has(e.getKey()));
                if (!declared) {
                    List<String> known = policies.stream().flatMap(p -> p.definition().params().stream())
                            .map(ParamSpec::name).distinct().toList();
                    throw e.getValue().error("faults.reloads[" + i + "].params." + e.getKey(),
                            "no policy of this run has a parameter '" + e.getKey() + "'; theirs are "
                                    + String.join(", ", known));
                }
            }
        }
    }

    /**
     * Turns the simulated times one policy's run reaches into {@link RunProgress} reports.
     * Confined to the thread running that policy.
     */
    private static final class ProgressSteps {

        private final RunProgress progress;
        private final long horizonUs;
        private long reportedUs;

        ProgressSteps(RunProgress progress, long horizonUs) {
            this.progress = progress;
            this.horizonUs = horizonUs;
        }

        void reached(long nowUs) {
            if (nowUs > reportedUs && nowUs < horizonUs) {
                progress.advanced(nowUs - reportedUs);
                reportedUs = nowUs;
            }
        }

        void finish() {
            if (horizonUs > reportedUs) {
                progress.advanced(horizonUs - reportedUs);
                reportedUs = horizonUs;
            }
        }
    }
}
