package dev.pollsim.sim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pollsim.policy.builtin.BuiltinPolicies;
import dev.pollsim.sim.engine.RandomStreams;
import dev.pollsim.sim.metrics.PolicyResult;
import dev.pollsim.sim.model.World;
import dev.pollsim.sim.scenario.PolicySelection;
import dev.pollsim.sim.scenario.ResolvedPolicy;
import dev.pollsim.sim.scenario.Scenario;
import dev.pollsim.sim.scenario.ScenarioLoader;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class IndependentFleetTest {

    private static final String YAML = String.join("\n",
            "name: independent",
            "days: 2",
            "seed: 99",
            "workload: {kind: poisson, ratePerHour: 3, serviceTime: {dist: exponential, mean: 2m}}",
            "fleet: {daemons: 300, maxConcurrent: 2, requestsPerTick: 2, queue: per-daemon, origin: local}",
            "faults:",
            "  jobFailures: {probability: 0.1, retryAfter: 5m}",
            "  restarts: [{at: 20h, daemon: 7}]",
            "");

    private final Scenario scenario = new ScenarioLoader().parse(YAML, "independent.yaml");

    private PolicyResult run(String policy, int threads, boolean fastForward) {
        ResolvedPolicy p = new PolicySelection(BuiltinPolicies.catalogue()).select(scenario, List.of(policy), List.of()).get(0);
        World world = ScenarioRunner.world(scenario, p).withFastForward(fastForward);
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return new IndependentFleet(world, p.factory(), own -> scenario.workload().source(own,
                    scenario.fleet().jobOrigin()), new RandomStreams(scenario.seed()), pool)
                    .result(policy, policy, Map.of());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void shouldGiveTheSameResultWhateverTheThreadCount() {
        for (String policy : List.of("exp-idle", "hibernate", "gastown")) {
            PolicyResult one = run(policy, 1, true);
            PolicyResult three = run(policy, 3, true);
            assertThat(three).as(policy).isEqualTo(one);
            assertThat(one.requestsPerDaemon()).hasSize(300);
            assertThat(one.jobs().arrived() + one.jobs().retried()).isEqualTo(one.jobs().picked() + one.jobs().stranded());
            assertThat(one.loops().restarts()).isEqualTo(1);
        }
    }

    @Test
    void fastForwardShouldChangeNoNumberOfIndependentDaemons() {
        for (String policy : List.of("fixed", "exp-idle", "idle-streak", "batched")) {
            assertThat(run(policy, 2, true)).as(policy).isEqualTo(run(policy, 2, false));
        }
    }

    @Test
    void eachDaemonShouldSeeItsOwnArrivalsWhateverTheFleetSize() {
        // 300 daemons at 3 jobs an hour each for 2 days: about 43,200 jobs, each daemon its own
        PolicyResult r = run("fixed", 2, true);
        assertThat((double) r.jobs().arrived()).isBetween(43_200 * 0.95, 43_200 * 1.05);
        Scenario smaller = new ScenarioLoader().parse(YAML.replace("daemons: 300", "daemons: 10"), "small.yaml");
        ResolvedPolicy p = new PolicySelection(BuiltinPolicies.catalogue()).select(smaller, List.of("fixed"), List.of()).get(0);
        PolicyResult small = ScenarioRunner.runOne(smaller, p);
        assertThat(small.requestsPerDaemon()).containsExactlyElementsOf(r.requestsPerDaemon().subList(0, 10));
    }

    @Test
    void aSharedUpstreamShouldBeRefusedWithPerDaemonQueues() {
        assertThatThrownBy(() -> new ScenarioLoader().parse(YAML + "upstream: {warmWindow: 5m}\n", "x.yaml"))
                .hasMessageContaining("per-daemon daemons share nothing");
    }
}
