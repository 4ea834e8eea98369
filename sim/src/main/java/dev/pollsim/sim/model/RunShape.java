package dev.pollsim.sim.model;

import dev.pollsim.policy.LoopSpec;
import dev.pollsim.policy.PolicyFactory;
import dev.pollsim.policy.PollPolicy;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Which of the engine's short cuts a run of a fleet's policies in a world may take: a plain
 * upstream (every request answered at once, nothing billed or refused), idle stretches skipped in
 * closed form ({@link ParkedLoops}), idle stretches split across threads ({@link TickParts}). Each
 * is a question of the world and of the policies alone, asked before the run; none changes a
 * number of the result.
 */
public final class RunShape {

    /**
     * When a run tick by tick splits its idle stretches across threads.
     *
     * @param minPartLoops the fewest loops a part holds: smaller fleets run on one thread
     * @param helpedTicks the fewest ticks a window is expected to hold to be worth handing parts
     *     to helper threads
     */
    record TickSplit(int minPartLoops, long helpedTicks) {
        static final TickSplit DEFAULT = new TickSplit(1 << 11, 1 << 13);
    }

    private RunShape() {
    }

    /** Whether every request is answered at once, with no warm window, rate limit or error window. */
    static boolean plainUpstream(World world) {
        return !world.upstream().warmModel() && !world.upstream().rateLimit().enabled()
                && world.faults().errors().isEmpty();
    }

    /**
     * Whether idle stretches are skipped in closed form: asked for, no tick latency, a plain
     * upstream, and no policy that hears visible work (whose routing looks at every loop).
     */
    static boolean fastForwards(World world, PolicyFactory factory) {
        return world.fastForward() && world.fleet().tickLatencyUs() == 0 && plainUpstream(world)
                && !factory.hearsVisibleWork();
    }

    /**
     * Whether a run of {@code factory}'s policies in {@code world} may split its idle stretches
     * across threads (see {@link TickParts}), as far as the world and the layout of loops tell: a
     * shared queue of one lane, one worker loop per daemon making requests of a plain upstream at
     * once, no fast-forward, no job failures. Each policy must also report its ticks as its due
     * times ({@link PollPolicy#duesAreTicks}).
     */
    public static boolean splittable(World world, PolicyFactory factory) {
        List<LoopSpec> loops = factory.loops();
        FleetConfig f = world.fleet();
        return !fastForwards(world, factory) && plainUpstream(world) && f.tickLatencyUs() == 0
                && f.requestsPerTick() > 0 && loops.size() == 1 && loops.get(0).role() == LoopSpec.Role.WORKER
                && loops.get(0).lane() == 0 && world.faults().jobFailures().probability() <= 0;
    }

    /**
     * Whether a run of {@code factory}'s policies in {@code world} will split its idle stretches
     * across the world's tick threads: {@link #splittable}, a policy reporting its ticks as its
     * due times, and a fleet of at least two parts. A runner's scheduling choice: the results
     * are the same either way.
     */
    public static boolean splits(World world, PolicyFactory factory) {
        return world.tickThreads() > 1 && world.fleet().daemons() >= 2 * TickSplit.DEFAULT.minPartLoops()
                && splittable(world, factory)
                && factory.create(factory.loops().get(0), new SplittableRandom(0)).duesAreTicks();
    }

    /**
     * In how many parts a run's idle stretches go (see {@link TickParts}): the world's tick
     * threads, where the run is the whole fleet's ({@code ownRun}, not a part of a larger run),
     * every idle tick is one a part can run ({@link #splittable}, every loop's policy reporting
     * its ticks as its due times) and each part gets {@link TickSplit#minPartLoops} loops or
     * more; else 1.
     *
     * @param each every loop's policy
     */
    static int parts(World world, PolicyFactory factory, TickSplit split, boolean ownRun, PollPolicy[] each) {
        int most = Math.min(world.tickThreads(), each.length / split.minPartLoops());
        if (most < 2 || !ownRun || !splittable(world, factory)) {
            return 1;
        }
        for (PollPolicy p : each) {
            if (!p.duesAreTicks()) {
                return 1;
            }
        }
        return most;
    }
}
