package dev.pollsim.bench;

import dev.pollsim.policy.builtin.BuiltinPolicies;
import dev.pollsim.sim.engine.RandomStreams;
import dev.pollsim.sim.model.FleetSimulation;
import dev.pollsim.sim.run.ScenarioRunner;
import dev.pollsim.sim.scenario.PolicySelection;
import dev.pollsim.sim.scenario.ResolvedPolicy;
import dev.pollsim.sim.scenario.Scenario;
import dev.pollsim.sim.scenario.ScenarioLoader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.Locale;

/**
 * The heap a shared-queue fleet holds per daemon: live bytes after a full collection with the
 * simulation built (every loop armed) and again after one simulated day, less the live bytes
 * before it was built, divided by the daemons. Then the same for a fleet twice as large, to give
 * what each daemon more adds: the state per daemon, free of what a fleet holds whatever its size
 * (G1 rounds each array of half a region or more up to whole regions, a few MB in all). Not a JMH
 * benchmark: a size, not a time.
 *
 * <p>How to run: {@code java -Xmx2g -cp bench/target/benchmarks.jar dev.pollsim.bench.Footprint
 * [POLICY...]}, for 200,000 daemons (one job a second over the fleet, 30 s each) and 400,000 (two a second).
 */
public final class Footprint {

    private static final int DAEMONS = 200_000;

    private Footprint() {}

    public static void main(String[] args) {
        List<String> policies = args.length == 0 ? List.of("fixed", "exp-idle", "idle-streak", "gastown", "hibernate")
                : List.of(args);
        System.out.printf(Locale.ROOT, "%-12s %5s %16s %12s %26s %12s%n", "policy", "loops", "built (B/daemon)",
                "after 1 day", "each daemon more: built", "after 1 day");
        for (String policy : policies) {
            Sizes one = measure(policy, DAEMONS);
            Sizes two = measure(policy, 2 * DAEMONS);
            System.out.printf(Locale.ROOT, "%-12s %5d %16.1f %12.1f %26.1f %12.1f%n", policy, one.loops(),
                    one.built() / (double) DAEMONS, one.ran() / (double) DAEMONS,
                    (two.built() - one.built()) / (double) DAEMONS, (two.ran() - one.ran()) / (double) DAEMONS);
        }
    }

    /** Live bytes of a fleet built and after its day, and its loops per daemon. */
    private record Sizes(long built, long ran, int loops) {
    }

    private static Sizes measure(String policy, int daemons) {
        String yaml = "name: footprint\ndays: 1\nseed: 1\n"
                + "workload: {kind: poisson, ratePerHour: " + 3600L * daemons / DAEMONS + ", serviceTime: 30s}\n"
                + "fleet: {daemons: " + daemons + ", maxConcurrent: 4}\n"
                + "policies:\n  " + policy + ": {}\n";
        Scenario scenario = new ScenarioLoader().parse(yaml, "footprint.yaml");
        ResolvedPolicy p = new PolicySelection(BuiltinPolicies.catalogue()).select(scenario, List.of(), List.of()).get(0);
        long before = live();
        RandomStreams streams = new RandomStreams(scenario.seed());
        FleetSimulation sim = new FleetSimulation(ScenarioRunner.world(scenario, p), p.factory(),
                scenario.workload().source(streams, scenario.fleet().jobOrigin()), streams);
        long built = live();
        sim.run();
        long ran = live();
        return new Sizes(built - before, ran - before, sim.loopsPerDaemon());
    }

    private static long live() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            memory.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
