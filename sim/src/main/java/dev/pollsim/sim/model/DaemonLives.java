package dev.pollsim.sim.model;

import dev.pollsim.policy.LoopSpec;
import dev.pollsim.policy.PolicyFactory;
import dev.pollsim.policy.PollPolicy;
import dev.pollsim.policy.param.PolicyParams;
import dev.pollsim.sim.engine.RandomStreams;

/**
 * Each loop's policy through its daemon's lives: the first, made at the run's start on the loop's
 * jitter stream, and a fresh one after each restart of the daemon, on a stream of that life's
 * own (a restarted process draws afresh), set to the last reload's parameters. NOT thread-safe.
 */
final class DaemonLives {

    private final PolicyFactory factory;
    private final RandomStreams streams;
    private final LoopSpec[] loops;
    /** Restarts per daemon so far; empty in a run without restarts. */
    private final int[] restarts;
    private PolicyParams reloaded;

    /**
     * @param loops each daemon's loops, as the factory lays them out
     * @param restarts whether any daemon restarts in the run
     */
    DaemonLives(PolicyFactory factory, RandomStreams streams, LoopSpec[] loops, int daemons, boolean restarts) {
        this.factory = factory;
        this.streams = streams;
        this.loops = loops;
        this.restarts = new int[restarts ? daemons : 0];
    }

    /** The first policy of the daemon's loop {@code k}. */
    PollPolicy first(int daemon, int k) {
        return factory.create(loops[k], streams.stream(prefix(daemon, k) + "/jitter"));
    }

    /** The daemon restarts: a new life begins. */
    void restart(int daemon) {
        restarts[daemon]++;
    }

    /** A fresh policy for the daemon's loop {@code k}, in the daemon's current life. */
    PollPolicy afterRestart(int daemon, int k) {
        PollPolicy policy = factory.create(loops[k],
                streams.stream(prefix(daemon, k) + "/jitter/restart/" + restarts[daemon]));
        if (reloaded != null) {
            policy.reconfigure(reloaded);
        }
        return policy;
    }

    /** The daemon's restarts so far: which of its lives it is in. */
    int life(int daemon) {
        return restarts.length == 0 ? 0 : restarts[daemon];
    }

    /** A reload set the policies' parameters: the lives to come start with them. */
    void reload(PolicyParams params) {
        reloaded = params;
    }

    /** The name of the daemon's loop {@code k} among the run's random streams. */
    static String prefix(int daemon, int k) {
        return "fleet/daemon/" + daemon + "/loop/" + k;
    }
}
