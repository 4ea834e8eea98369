package dev.pollsim.bench.peer;

import dev.pollsim.sim.engine.RandomStreams;
import dev.pollsim.sim.metrics.PolicyResult;
import dev.pollsim.sim.model.FleetConfig;
import dev.pollsim.sim.model.FleetSimulation;
import dev.pollsim.sim.model.StartPhases;
import dev.pollsim.sim.model.World;
import dev.pollsim.sim.workload.ArrivalSource;
import java.util.Map;

/** The peer fleet on pollsim's own engine, through its public API. */
public final class PollsimFleet {

    private PollsimFleet() {
    }

    /** The fleet's world: tick by tick, or skipping steady idle stretches in closed form. */
    public static World world(boolean fastForward) {
        return World.of(new FleetConfig(PeerWorkload.DAEMONS, PeerWorkload.MAX_CONCURRENT,
                PeerWorkload.REQUESTS_PER_TICK, StartPhases.SPREAD), PeerWorkload.HORIZON_US)
                .withFastForward(fastForward);
    }

    /** One day on a fresh simulation, replaying the workload's arrivals. */
    public static PeerResult run(PeerWorkload workload, String policy, boolean fastForward) {
        return run(workload.replay(), workload.seed(), policy, fastForward);
    }

    /** One day on a fresh simulation, with the given arrivals and the seed's start phases. */
    public static PeerResult run(ArrivalSource arrivals, long seed, String policy, boolean fastForward) {
        FleetSimulation sim = new FleetSimulation(world(fastForward), PeerWorkload.factory(policy), arrivals,
                new RandomStreams(seed));
        PolicyResult r = sim.result(policy, policy, Map.of());
        return new PeerResult(fastForward ? "pollsim" : "pollsim-step", policy, r.ticks(), r.saturatedTicks(),
                r.requests(), r.jobs().arrived(), r.jobs().picked(), r.jobs().completed(), r.wakeLatency().meanUs(),
                r.wakeLatency().maxUs(), sim.eventsHandled());
    }
}
