package dev.pollsim.sim.explain;

import dev.pollsim.policy.param.Durations;
import dev.pollsim.sim.engine.RandomStreams;
import dev.pollsim.sim.model.FleetSimulation;
import dev.pollsim.sim.model.World;
import dev.pollsim.sim.run.IndependentFleet;
import dev.pollsim.sim.run.ScenarioRunner;
import dev.pollsim.sim.scenario.ResolvedPolicy;
import dev.pollsim.sim.scenario.Scenario;
import dev.pollsim.sim.scenario.ScenarioException;
import dev.pollsim.sim.trace.TraceArrivals;
import dev.pollsim.sim.workload.ArrivalSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Explains one policy on one daemon: runs the scenario exactly as {@code pollsim run} does (same
 * seed, streams and world; a daemon with its own queue alone, as within its fleet) and records
 * that daemon's events within a window. The run stops at
 * the end of the day that holds the window's end: nothing after a moment changes what happened
 * before it, so the events are those of the full run.
 */
public final class Explainer {

    /** The most events kept by default. */
    public static final int DEFAULT_LIMIT = 10_000;

    private Explainer() {}

    /**
     * @param scenario the scenario (its days, seed and world)
     * @param policy the policy label to explain
     * @param daemon the daemon's index
     * @param fromUs the window's start, inclusive
     * @param toUs the window's end, exclusive; clipped to the run's end
     * @param limit the most events kept, at least 1
     * @throws ScenarioException when the daemon does not exist or the window misses the run
     */
    public static Timeline explain(Scenario scenario, ResolvedPolicy policy, int daemon, long fromUs, long toUs,
            int limit) {
        int daemons = scenario.fleet().daemons();
        if (daemon < 0 || daemon >= daemons) {
            throw new ScenarioException("--daemon " + daemon + ": the fleet has " + daemons + " daemon"
                    + (daemons == 1 ? " (0)" : "s (0.." + (daemons - 1) + ")"));
        }
        if (fromUs < 0 || toUs <= fromUs) {
            throw new ScenarioException("--to " + Durations.format(toUs) + ": the window must end after it starts ("
                    + Durations.format(fromUs) + ")");
        }
        if (fromUs >= scenario.horizonUs()) {
            throw new ScenarioException("--from " + Durations.format(fromUs) + ": the run lasts only "
                    + Durations.format(scenario.horizonUs()));
        }
        if (limit < 1) {
            throw new ScenarioException("--limit " + limit + ": keep at least one event");
        }
        long to = Math.min(toUs, scenario.horizonUs());
        int days = (int) Math.min(scenario.days(), (to + Durations.MICROS_PER_DAY - 1) / Durations.MICROS_PER_DAY);
        Scenario s = scenario.withDays(days);

        RuleTap tap = new RuleTap(policy.factory());
        RandomStreams streams = new RandomStreams(s.seed());
        World world = ScenarioRunner.world(s, policy);
        boolean alone = s.fleet().perDaemon();
        if (alone) {
            // a daemon with its own queue runs alone, exactly as within its fleet
            streams = streams.daemon(daemon);
            world = IndependentFleet.daemonWorld(world, daemon);
        }
        Recorder recorder = new Recorder(tap, tap.loops(), alone ? 0 : daemon, fromUs, to, limit);
        ArrivalSource arrivals = s.workload().source(streams, s.fleet().jobOrigin());
        try {
            new FleetSimulation(world, tap, arrivals, streams).observe(recorder).run();
        } finally {
            if (arrivals instanceof TraceArrivals) {
                ((TraceArrivals) arrivals).close();
            }
        }
        List<TimelineEvent> events = new ArrayList<>(recorder.events());
        // spawns are heard when their tick starts but happen after its latency and spawn gaps
        events.sort(Comparator.comparingLong(TimelineEvent::atUs));
        return new Timeline(s.name(), s.seed(), policy.label(), policy.definition().name(), daemon, fromUs, to, events,
                limit, recorder.truncated());
    }
}
