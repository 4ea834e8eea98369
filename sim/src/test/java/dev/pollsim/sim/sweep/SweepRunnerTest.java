package dev.pollsim.sim.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pollsim.sim.metrics.PolicyResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SweepRunnerTest {

    private static List<SweepPoint> grid(String scenario, String... axes) {
        return new SweepPlan(List.of(ScenarioRef.resolve(scenario)), 1, null, List.of(), List.of(),
                java.util.Arrays.stream(axes).map(GridAxis::parse).toList()).points();
    }

    @Test
    void shouldGiveTheSameResultsWhateverTheThreadCount() {
        List<SweepPoint> points = grid("steady", "exp-idle.cap=30s,2m", "exp-idle.multiplier=1.5,2");
        SweepResult one = new SweepRunner(1).run(points, Replications.fixed(3), n -> {});
        SweepResult four = new SweepRunner(4).run(points, Replications.fixed(3), n -> {});
        assertThat(four).isEqualTo(one);
        assertThat(one.points()).hasSize(5).allSatisfy(p -> assertThat(p.replications()).isEqualTo(3));
    }

    @Test
    void everyReplicationShouldBeTheRunOfItsSeed() {
        List<SweepPoint> points = grid("steady", "exp-idle.cap=1m");
        PointResult p = new SweepRunner(2).run(points, Replications.fixed(3), n -> {}).points().get(0);
        for (int r = 0; r < 3; r++) {
            assertThat(p.runs().get(r)).isEqualTo(CellRunner.run(p.cell(r)));
        }
        assertThat(p.runs().get(0).jobs().arrived()).isNotEqualTo(p.runs().get(1).jobs().arrived());
        assertThat(p.estimate("jobs.arrived").n()).isEqualTo(3);
    }

    @Test
    void theSequentialModeShouldStopAsSoonAsTheTargetIsMet() {
        // fixed on an idle world costs exactly the same every replication: no spread at all
        List<SweepPoint> points = grid("idle", "fixed.interval=10s");
        Replications seq = new Replications(2, 0.01, 50, List.of("requestsPerDay"));
        AtomicLong cells = new AtomicLong();
        SweepResult r = new SweepRunner(2).run(points, seq, cells::addAndGet);
        assertThat(r.points().get(0).replications()).isEqualTo(2);
        assertThat(r.points().get(0).estimate("requestsPerDay").halfWidth()).isZero();
        assertThat(cells.get()).isEqualTo(4); // fixed and the oracle bound, two each
    }

    @Test
    void theSequentialModeShouldStopAtTheCapWhenTheTargetIsOutOfReach() {
        List<SweepPoint> points = grid("steady", "exp-idle.cap=1m");
        Replications seq = new Replications(2, 1e-9, 7, List.of("wakeLatencyMs.p99"));
        SweepResult r = new SweepRunner(2).run(points, seq, n -> {});
        assertThat(r.points().get(0).replications()).isEqualTo(7);
        assertThat(r.points().get(0).estimate("wakeLatencyMs.p99").relativeHalfWidth()).isGreaterThan(1e-9);
    }

    @Test
    void theFrontierShouldLeaveOutTheLowerBoundAndDominatedPoints() {
        List<SweepPoint> points = grid("steady", "fixed.interval=5s,10s,20s");
        SweepResult r = new SweepRunner(2).run(points, Replications.fixed(2), n -> {});
        // a longer fixed interval costs fewer requests and makes work wait longer: all three trade off
        assertThat(r.frontiers()).containsOnlyKeys("steady");
        assertThat(r.frontiers().get("steady")).containsExactly(2, 1, 0);
        assertThat(r.lowerBounds("steady")).extracting(p -> p.point().label()).containsExactly("oracle");
        PolicyResult oracle = r.lowerBounds("steady").get(0).runs().get(0);
        assertThat(oracle.requestsPerDay()).isLessThan(r.points().get(2).runs().get(0).requestsPerDay());
    }

    @Test
    void anInjectedExecutorShouldGiveTheSameResultsAsThePool() {
        List<SweepPoint> points = grid("steady", "exp-idle.cap=30s,2m");
        Replications seq = new Replications(2, 0.05, 6, Replications.DEFAULT_TARGET_METRICS);
        List<Integer> batches = new ArrayList<>();
        // runs each batch backwards, as a cluster might finish it, and hands the results back in order
        CellExecutor backwards = (cells, progress) -> {
            batches.add(cells.size());
            PolicyResult[] out = new PolicyResult[cells.size()];
            for (int i = cells.size() - 1; i >= 0; i--) {
                out[i] = CellRunner.run(cells.get(i));
                progress.accept(1);
            }
            return List.of(out);
        };
        AtomicLong cells = new AtomicLong();
        SweepResult injected = new SweepRunner(backwards).run(points, seq, cells::addAndGet);
        assertThat(injected).isEqualTo(new SweepRunner(2).run(points, seq, n -> {}));
        assertThat(batches.get(0)).isEqualTo(6); // the first round: 3 points x 2 replications, one batch
        assertThat(cells.get()).isEqualTo(batches.stream().mapToLong(Integer::longValue).sum());
    }

    @Test
    void anExecutorThatLosesACellShouldBeRefused() {
        List<SweepPoint> points = grid("idle", "fixed.interval=10s");
        CellExecutor lossy = (cells, progress) -> Collections.nCopies(cells.size() - 1, CellRunner.run(cells.get(0)));
        assertThatThrownBy(() -> new SweepRunner(lossy).run(points, Replications.fixed(1), n -> {}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the executor returned 1 results for 2 cells");
    }

    @Test
    void anEngineThatIsNotOnTheClassPathShouldNotBeFound() {
        assertThat(SweepEngine.named("spark")).isNull();
    }
}
