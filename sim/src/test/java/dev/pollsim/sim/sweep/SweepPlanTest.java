package dev.pollsim.sim.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pollsim.sim.scenario.ScenarioException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepPlanTest {

    private static SweepPlan plan(List<String> policies, List<String> sets, String... grid) {
        return new SweepPlan(List.of(ScenarioRef.resolve("default")), 1, null, policies, sets,
                Arrays.stream(grid).map(GridAxis::parse).toList());
    }

    @Test
    void shouldExpandTheCartesianProductFirstAxisOutermostThenTheOracleBound() {
        List<SweepPoint> points = plan(List.of(), List.of(), "exp-idle.cap=30s,60s,120s,300s",
                "exp-idle.multiplier=1.5,2").points();
        assertThat(points).hasSize(4 * 2 + 1);
        assertThat(points).extracting(SweepPoint::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(points.subList(0, 8)).extracting(SweepPoint::gridText).containsExactly(
                "cap=30s multiplier=1.5", "cap=30s multiplier=2", "cap=1m multiplier=1.5", "cap=1m multiplier=2",
                "cap=2m multiplier=1.5", "cap=2m multiplier=2", "cap=5m multiplier=1.5", "cap=5m multiplier=2");
        SweepPoint last = points.get(8);
        assertThat(last.label()).isEqualTo("oracle");
        assertThat(last.lowerBound()).isTrue();
        assertThat(points.get(2).params()).containsEntry("cap", "1m").containsEntry("multiplier", "1.5")
                .containsEntry("interval", "10s");
        assertThat(points.get(2).sets()).containsExactly("exp-idle.cap=1m", "exp-idle.multiplier=1.5");
        assertThat(points.get(2).days()).isEqualTo(1);
        assertThat(points.get(2).baseSeed()).isEqualTo(42);
    }

    @Property(tries = 15)
    void theGridShouldHaveOnePointPerCombinationInOdometerOrder(
            @ForAll @Size(min = 1, max = 4) @UniqueElements List<@IntRange(min = 1, max = 9) Integer> caps,
            @ForAll @Size(min = 1, max = 3) @UniqueElements List<@IntRange(min = 1, max = 4) Integer> multipliers) {
        String capAxis = "exp-idle.cap=" + caps.stream().map(c -> c + "m").collect(Collectors.joining(","));
        String multiplierAxis = "exp-idle.multiplier="
                + multipliers.stream().map(String::valueOf).collect(Collectors.joining(","));
        List<SweepPoint> points = plan(List.of(), List.of(), capAxis, multiplierAxis).points();
        assertThat(points).hasSize(caps.size() * multipliers.size() + 1);
        for (int i = 0; i < caps.size() * multipliers.size(); i++) {
            assertThat(points.get(i).grid()).containsExactly(
                    Map.entry("cap", caps.get(i / multipliers.size()) + "m"),
                    Map.entry("multiplier", String.valueOf(multipliers.get(i % multipliers.size()))));
        }
    }

    @Test
    void labelsWithoutAxesShouldBeOnePointAndSetsShouldApplyToTheirLabel() {
        List<SweepPoint> points = plan(List.of("fixed", "exp-idle", "oracle"), List.of("exp-idle.interval=5s"),
                "exp-idle.cap=30s,60s").points();
        assertThat(points).extracting(p -> p.label() + " " + p.gridText()).containsExactly(
                "fixed ", "exp-idle cap=30s", "exp-idle cap=1m", "oracle ");
        assertThat(points.get(1).sets()).containsExactly("exp-idle.interval=5s", "exp-idle.cap=30s");
        assertThat(points.get(0).sets()).isEmpty();
        assertThat(points).extracting(SweepPoint::lowerBound).containsExactly(false, false, false, true);
    }

    @Test
    void everyScenarioShouldGetItsOwnPointsInOrder() {
        SweepPlan two = new SweepPlan(List.of(ScenarioRef.resolve("steady"), ScenarioRef.resolve("idle")), 1, 9L,
                List.of(), List.of(), List.of(GridAxis.parse("fixed.interval=10s,20s")));
        assertThat(two.points()).extracting(p -> p.scenarioName() + " " + p.label() + " " + p.gridText() + " " + p.baseSeed())
                .containsExactly("steady fixed interval=10s 9", "steady fixed interval=20s 9", "steady oracle  9",
                        "idle fixed interval=10s 9", "idle fixed interval=20s 9", "idle oracle  9");
    }

    @Test
    void aCellShouldCarryItsReplicationSeedAndRerunCommand() {
        SweepPoint p = plan(List.of(), List.of(), "exp-idle.cap=60s").points().get(0);
        SweepCell c = p.cell(3);
        assertThat(c.seed()).isEqualTo(Replications.seedOf(42, 3));
        assertThat(p.cell(0).seed()).isEqualTo(42);
        assertThat(c.command()).isEqualTo("pollsim run --scenario default --policy exp-idle --days 1 --seed "
                + c.seed() + " --set exp-idle.cap=1m");
        assertThat(SweepCell.shellQuote("my file.yaml")).isEqualTo("'my file.yaml'");
        assertThat(SweepCell.shellQuote("it's")).isEqualTo("'it'\\''s'");
    }

    @Test
    void shouldRefuseBadGridsWithTheOptionAndValue() {
        assertThatThrownBy(() -> GridAxis.parse("exp-idle.cap"))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("--grid exp-idle.cap: expected LABEL.PARAM=V1,V2,..., such as exp-idle.cap=30s,60s,120s");
        assertThatThrownBy(() -> GridAxis.parse("exp-idle.cap=30s,,60s"))
                .hasMessageStartingWith("--grid exp-idle.cap=30s,,60s: empty value");
        assertThatThrownBy(() -> plan(List.of(), List.of(), "turbo.cap=30s").points())
                .hasMessageStartingWith("--policy: unknown policy 'turbo'");
        assertThatThrownBy(() -> plan(List.of("fixed"), List.of(), "exp-idle.cap=30s").points())
                .hasMessage("--grid exp-idle.cap=30s: no policy labelled 'exp-idle' in this sweep; labels are fixed");
        assertThatThrownBy(() -> plan(List.of(), List.of(), "exp-idle.base=5s").points())
                .hasMessageStartingWith("--grid exp-idle.base=5s: policies.exp-idle.base: unknown parameter 'base';"
                        + " expected one of interval, multiplier, cap");
        assertThatThrownBy(() -> plan(List.of(), List.of(), "exp-idle.multiplier=1.5,0.5").points())
                .hasMessage("--grid exp-idle.multiplier=0.5: policies.exp-idle.multiplier: must be at least 1, got 0.5");
        assertThatThrownBy(() -> plan(List.of(), List.of(), "exp-idle.cap=60s,1m").points())
                .hasMessage("--grid exp-idle.cap=60s,1m: 60s and 1m are the same value");
        assertThatThrownBy(() -> plan(List.of(), List.of(), "exp-idle.cap=1m", "exp-idle.cap=2m"))
                .hasMessage("--grid exp-idle.cap=2m: exp-idle.cap is already swept by an earlier --grid");
        assertThatThrownBy(() -> new SweepPlan(List.of(ScenarioRef.resolve("idle"), ScenarioRef.resolve("idle")), 1,
                null, List.of(), List.of(), List.of()).points())
                .hasMessage("--scenario idle: its name 'idle' is already the name of --scenario idle; give each"
                        + " scenario its own name");
        assertThatThrownBy(() -> plan(List.of("fixed"), List.of("exp-idle.cap=1m")).points())
                .hasMessageStartingWith("--set exp-idle.cap=1m: no policy labelled 'exp-idle' in this run");
    }

    @Test
    void aCellShouldBeSerialisableAndRunTheSameAfterTheTrip() throws Exception {
        SweepCell c = plan(List.of(), List.of(), "exp-idle.cap=60s").points().get(0).cell(1);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(c);
        }
        Object back;
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            back = in.readObject();
        }
        assertThat(back).isEqualTo(c);
        assertThat(CellRunner.run((SweepCell) back)).isEqualTo(CellRunner.run(c));
        assertThat(CellRunner.run(c).params()).isEqualTo(Map.of("interval", "10s", "multiplier", "1.5", "cap", "1m",
                "deadlineFloor", "1s", "rateLimitFloor", "30s", "errorCap", "1m"));
    }

    /** A scenario of a day of light Poisson work with the policies {@code policies} (YAML lines). */
    private static ScenarioRef scenario(Path dir, String policies) throws IOException {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, "days: 1\nworkload: {kind: poisson, ratePerHour: 6}\nfleet: {daemons: 2}\npolicies:\n"
                + policies);
        return ScenarioRef.resolve(file.toString());
    }

    @Test
    void aPointWhoseLoopsMaySleepForGoodShouldBeWarnedOfOnce(@TempDir Path dir) throws IOException {
        ScenarioRef s = scenario(dir, "  sleepy: {policy: composed, curve: {kind: fixed, floor: 10s}, wakeOn: [freedSlot]}\n");
        SweepPlan plan = new SweepPlan(List.of(s), null, null, List.of(),
                List.of(), List.of(GridAxis.parse("sleepy.suspendAfter=0s,5m,10m"), GridAxis.parse("sleepy.batch.size=1,2")));
        assertThat(plan.policyWarnings(plan.points())).containsExactly(
                "policy sleepy: suspendAfter 5m with wakeOn [freedSlot] alone: a loop that suspends while none of its"
                        + " daemon's jobs runs never polls again (add localEnqueue or retryDeadline to wakeOn)",
                "policy sleepy: suspendAfter 10m with wakeOn [freedSlot] alone: a loop that suspends while none of its"
                        + " daemon's jobs runs never polls again (add localEnqueue or retryDeadline to wakeOn)");
    }

    @Test
    void aComposedPartsFieldShouldBeSetAndSweptAfterItsLabel(@TempDir Path dir) throws IOException {
        List<ScenarioRef> ref = List.of(scenario(dir,
                "  mine: {policy: composed, curve: {kind: geometric, factor: 2, floor: 10s, cap: 2m}}\n"));
        List<SweepPoint> set = new SweepPlan(ref, null, null, List.of("mine"), List.of("mine.curve.cap=5m"), List.of())
                .points();
        assertThat(set.get(0).params()).containsEntry("curve.cap", "5m").containsEntry("curve.factor", "2");
        assertThat(set.get(0).sets()).containsExactly("mine.curve.cap=5m");

        List<SweepPoint> swept = new SweepPlan(ref, null, null, List.of(), List.of("mine.curve.factor=1.5"),
                List.of(GridAxis.parse("mine.curve.cap=1m,5m"))).points();
        assertThat(swept).hasSize(3);
        assertThat(swept.subList(0, 2)).extracting(SweepPoint::gridText).containsExactly("curve.cap=1m", "curve.cap=5m");
        assertThat(swept.get(1).params()).containsEntry("curve.cap", "5m").containsEntry("curve.factor", "1.5");
    }
}
