package dev.pollsim.sim.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pollsim.policy.builtin.BuiltinPolicies;
import dev.pollsim.sim.metrics.PolicyResult;
import dev.pollsim.sim.scenario.PolicySelection;
import dev.pollsim.sim.scenario.Presets;
import dev.pollsim.sim.scenario.ResolvedPolicy;
import dev.pollsim.sim.scenario.Scenario;
import dev.pollsim.sim.scenario.ScenarioLoader;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ScenarioRunnerTest {

    private final Scenario defaultScenario = new Presets(new ScenarioLoader()).find("default").orElseThrow();
    private final List<ResolvedPolicy> policies =
            new PolicySelection(BuiltinPolicies.catalogue()).select(defaultScenario, List.of(), List.of());

    @Test
    void shouldGiveTheSameReportWhateverTheThreadCount() {
        RunReport one = new ScenarioRunner(1).run(defaultScenario, policies);
        RunReport two = new ScenarioRunner(2).run(defaultScenario, policies);
        assertThat(two).isEqualTo(one);
        assertThat(one.results()).extracting(PolicyResult::label).containsExactlyElementsOf(
                policies.stream().map(ResolvedPolicy::label).toList());
    }

    @Test
    void aLargeSharedFleetTickByTickShouldGiveTheSameReportOnOneThreadAsOnFour() {
        Scenario large = new ScenarioLoader().parse("""
                name: large
                days: 1
                seed: 11
                workload: {kind: poisson, ratePerHour: 240, serviceTime: 45s}
                fleet: {daemons: 4500, maxConcurrent: 2}
                policies: {fixed: {}, exp-idle: {}}
                """, "large.yaml");
        List<ResolvedPolicy> two = new PolicySelection(BuiltinPolicies.catalogue()).select(large, List.of(), List.of());
        RunReport one = new ScenarioRunner(1).tickByTick().run(large, two);
        RunReport four = new ScenarioRunner(4).tickByTick().run(large, two);
        assertThat(four).isEqualTo(one);
        assertThat(four).isEqualTo(new ScenarioRunner(1).run(large, two));
    }

    @Test
    void aPolicyWhoseLoopsMaySleepForGoodShouldBeNamedInTheReportsWarnings() {
        Scenario s = new ScenarioLoader().parse("""
                days: 1
                workload: {kind: poisson, ratePerHour: 6}
                fleet: {daemons: 3}
                policies:
                  fixed: {}
                  sleepy: {policy: composed, curve: {kind: fixed, floor: 10s}, suspendAfter: 5m, wakeOn: [freedSlot]}
                """, "sleepy.yaml");
        RunReport r = new ScenarioRunner(2).run(s,
                new PolicySelection(BuiltinPolicies.catalogue()).select(s, List.of(), List.of()));
        assertThat(r.warnings()).singleElement().asString()
                .startsWith("policy sleepy: suspendAfter 5m with wakeOn [freedSlot] alone");
        assertThat(r.results().get(1).jobs().stranded()).as("the work the sleeping loops left").isPositive();
    }

    @Test
    void anIdleFleetSplitAcrossCoresShouldReportItsProgressHourByHour() {
        Scenario idle = new ScenarioLoader().parse("""
                days: 1
                workload: {kind: idle}
                fleet: {daemons: 4096}
                policies: {fixed: {}}
                """, "idle.yaml");
        List<ResolvedPolicy> fixed = new PolicySelection(BuiltinPolicies.catalogue()).select(idle, List.of(), List.of());
        AtomicLong done = new AtomicLong();
        AtomicLong reports = new AtomicLong();
        new ScenarioRunner(2).tickByTick().run(idle, fixed, us -> {
            done.addAndGet(us);
            reports.incrementAndGet();
        });
        assertThat(done.get()).isEqualTo(idle.horizonUs());
        assertThat(reports.get()).as("no event of the run's own comes in a day: the windows tell").isBetween(20L, 25L);
    }

    @Test
    void everyPolicyShouldSeeTheSameArrivals() {
        RunReport r = new ScenarioRunner(2).run(defaultScenario, policies);
        assertThat(r.results()).extracting(p -> p.jobs().arrived()).containsOnly(r.results().get(0).jobs().arrived());
        assertThat(r.results().get(0).jobs().arrived()).isGreaterThan(500);
    }

    @Test
    void theFiveIdleDaemonsOfSeed000ShouldCost86400RequestsADayUnderFixed() {
        Scenario five = new Presets(new ScenarioLoader()).find("five-daemons").orElseThrow();
        RunReport r = new ScenarioRunner(1).run(five,
                new PolicySelection(BuiltinPolicies.catalogue()).select(five, List.of("fixed", "exp-idle"), List.of()));
        assertThat(r.results().get(0).requestsPerDay()).isEqualTo(86_400.0);
        // exp-idle, spread phases: each daemon 724 or 725 ticks of 2 requests
        assertThat(r.results().get(1).requestsPerDaemon()).allSatisfy(n -> assertThat(n).isBetween(1446L, 1450L));
    }

    @Test
    void progressShouldAddUpToEveryPolicyTimesTheHorizonAndChangeNothing() {
        AtomicLong done = new AtomicLong();
        AtomicLong reports = new AtomicLong();
        RunReport watched = new ScenarioRunner(2).run(defaultScenario, policies, us -> {
            assertThat(us).isPositive();
            done.addAndGet(us);
            reports.incrementAndGet();
        });
        assertThat(watched).isEqualTo(new ScenarioRunner(2).run(defaultScenario, policies));
        assertThat(done.get()).isEqualTo(policies.size() * defaultScenario.horizonUs());
        // At most one report per simulated hour of each policy, and one at its end.
        long hours = defaultScenario.horizonUs() / ScenarioRunner.PROGRESS_STEP_US;
        assertThat(reports.get()).isBetween((long) policies.size(), policies.size() * (hours + 1));
    }
}
