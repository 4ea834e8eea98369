package dev.pollsim.sim.run;

import dev.pollsim.policy.LoopSpec;
import dev.pollsim.policy.PolicyFactory;
import dev.pollsim.sim.engine.RandomStreams;
import dev.pollsim.sim.metrics.PolicyResult;
import dev.pollsim.sim.metrics.RunMetrics;
import dev.pollsim.sim.metrics.UpstreamStats;
import dev.pollsim.sim.model.FaultPlan;
import dev.pollsim.sim.model.FleetConfig;
import dev.pollsim.sim.model.FleetSimulation;
import dev.pollsim.sim.model.UpstreamConfig;
import dev.pollsim.sim.model.World;
import dev.pollsim.sim.workload.ArrivalSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
import java.util.function.Function;

/**
 * A fleet of independent daemons (each with its own queue and arrivals, sharing no upstream
 * state) simulated without a global event list: each daemon runs alone, on whichever core is
 * free, into the metrics of its chunk of daemons, and the chunks are added up. Daemon {@code d}
 * draws from streams seeded by the run's seed and {@code d} only, and every merge is a sum, a
 * maximum or a histogram add, so the result does not depend on the number of threads.
 *
 * <p>Memory grows with daemons only through the per-daemon request counts, one {@code long} each
 * (each part of the run keeps those of its own daemons): a daemon's simulation is dropped as soon
 * as it has run.
 */
public final class IndependentFleet {

    /** The fewest daemons per unit of work handed to a thread. */
    private static final int MIN_CHUNK = 64;

    private final World world;
    private final PolicyFactory factory;
    private final Function<RandomStreams, ArrivalSource> arrivals;
    private final RandomStreams streams;
    private final ForkJoinPool pool;
    private int chunk = MIN_CHUNK;

    /**
     * @param world the fleet (its {@code daemons} independent ones), faults and horizon; its
     *     upstream must be plain
     * @param factory each daemon's loops
     * @param arrivals one daemon's workload, from that daemon's streams
     * @param streams the run's streams; daemon {@code d} uses {@code streams.daemon(d)}
     * @param pool the threads to use
     */
    public IndependentFleet(World world, PolicyFactory factory, Function<RandomStreams, ArrivalSource> arrivals,
            RandomStreams streams, ForkJoinPool pool) {
        if (!world.upstream().equals(UpstreamConfig.NONE)) {
            throw new IllegalArgumentException("independent daemons share no upstream: no warm window, no rate limit");
        }
        this.world = world;
        this.factory = factory;
        this.arrivals = arrivals;
        this.streams = streams;
        this.pool = pool;
    }

    /** Runs every daemon and seals the fleet's result. */
    public PolicyResult result(String label, String policy, Map<String, String> params) {
        int daemons = world.fleet().daemons();
        chunk = Math.max(MIN_CHUNK, daemons / (8 * pool.getParallelism()));
        Part total = pool.invoke(new Chunk(0, daemons));
        return total.metrics.finish(label, policy, params, total.stranded, total.pendingRetry,
                new UpstreamStats(0, total.serverErrors, 0, 0));
    }

    /** What a chunk of daemons recorded. */
    private static final class Part {
        final RunMetrics metrics;
        long stranded;
        long pendingRetry;
        long serverErrors;

        Part(RunMetrics metrics) {
            this.metrics = metrics;
        }

        Part add(Part other) {
            metrics.add(other.metrics);
            stranded += other.stranded;
            pendingRetry += other.pendingRetry;
            serverErrors += other.serverErrors;
            return this;
        }
    }

    private final class Chunk extends RecursiveTask<Part> {
        private static final long serialVersionUID = 1L;
        private final int from;
        private final int to;

        Chunk(int from, int to) {
            this.from = from;
            this.to = to;
        }

        @Override
        protected Part compute() {
            if (to - from > chunk) {
                int mid = (from + to) >>> 1;
                Chunk left = new Chunk(from, mid);
                left.fork();
                Part right = new Chunk(mid, to).compute();
                return left.join().add(right);
            }
            Part part = new Part(newMetrics().daemons(from, to));
            for (int d = from; d < to; d++) {
                RandomStreams own = streams.daemon(d);
                FleetSimulation sim = new FleetSimulation(daemonWorld(world, d), factory, arrivals.apply(own), own, part.metrics, d,
                        d == 0);
                part.stranded += sim.run();
                part.pendingRetry += sim.pendingRetries();
                part.serverErrors += sim.upstreamStats().serverErrors();
            }
            return part;
        }
    }

    private RunMetrics newMetrics() {
        List<String> loops = new ArrayList<>();
        for (LoopSpec l : factory.loops()) {
            loops.add(l.name());
        }
        return new RunMetrics(world.fleet().daemons(), loops, world.horizonUs());
    }

    /**
     * Daemon {@code d} of a fleet of independent daemons, alone: the restarts aimed at it (or at
     * every daemon), every reload. With {@code RandomStreams.daemon(d)} it runs exactly as it does
     * within the fleet.
     */
    public static World daemonWorld(World world, int d) {
        FleetConfig f = world.fleet();
        List<FaultPlan.Restart> restarts = new ArrayList<>();
        for (FaultPlan.Restart r : world.faults().restarts()) {
            if (r.daemon() == FaultPlan.Restart.ALL || r.daemon() == d) {
                restarts.add(new FaultPlan.Restart(r.atUs(), 0, r.downtimeUs()));
            }
        }
        FaultPlan faults = new FaultPlan(world.faults().errors(), world.faults().jobFailures(), restarts,
                world.faults().reloads());
        return new World(new FleetConfig(1, f.maxConcurrent(), f.requestsPerTick(), f.startPhases(), f.tickLatencyUs()),
                UpstreamConfig.NONE, faults, world.horizonUs(), world.fastForward());
    }
}
