package dev.pollsim.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pollsim.policy.builtin.BuiltinPolicies;
import dev.pollsim.policy.compose.ComposedFactory;
import dev.pollsim.sim.run.ScenarioRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A composed policy in a scenario file: its parts, written as nested maps and lists, become dotted
 * parameters that keep where they were written, so a bad part is named with its file, line and
 * column; {@code --set} reaches a part's field.
 */
class ComposedScenarioTest {

    private static final String MINE = String.join("\n",
            "workload: {kind: idle}",
            "policies:",
            "  mine:",
            "    policy: composed",
            "    curve: {kind: geometric, factor: 1.5, floor: 10s, cap: 2m}",
            "    reset: [work, freedSlot, wake]",
            "    saturation: hold",
            "    errors: {rateLimited: {min: 30s, factor: 2, cap: 60s}, other: {factor: 2, cap: 60s}}",
            "    jitter: {kind: equal}",
            "    suspendAfter: 5m",
            "    wakeOn:",
            "      - localEnqueue",
            "      - retryDeadline",
            "    deadlineClamp: {floor: 1s}",
            "    batch: {size: 4, spawnJitter: {min: 50ms, max: 150ms}}",
            "");

    private final ScenarioLoader loader = new ScenarioLoader();
    private final PolicySelection selection = new PolicySelection(BuiltinPolicies.catalogue());

    private Scenario parse(String yaml) {
        return loader.parse(yaml, "s.yaml");
    }

    private List<ResolvedPolicy> resolve(String yaml, String... sets) {
        return selection.select(parse(yaml), List.of(), List.of(sets));
    }

    @Test
    void nestedPartsAndListsShouldFlattenToDottedParametersWithTheirPlaces() {
        PolicySpec spec = parse(MINE).policies().get(0);
        assertThat(spec.policy().text()).isEqualTo("composed");
        assertThat(spec.params()).containsOnlyKeys("curve.kind", "curve.factor", "curve.floor", "curve.cap", "reset",
                "saturation", "errors.rateLimited.min", "errors.rateLimited.factor", "errors.rateLimited.cap",
                "errors.other.factor", "errors.other.cap", "jitter.kind", "suspendAfter", "wakeOn",
                "deadlineClamp.floor", "batch.size", "batch.spawnJitter.min", "batch.spawnJitter.max");
        assertThat(spec.params().get("curve.cap")).isEqualTo(new Located("2m", "s.yaml", 5, 60));
        assertThat(spec.params().get("reset")).isEqualTo(new Located("work,freedSlot,wake", "s.yaml", 6, 12));
        assertThat(spec.params().get("wakeOn").text()).isEqualTo("localEnqueue,retryDeadline");
        assertThat(spec.params().get("batch.spawnJitter.max").text()).isEqualTo("150ms");

        ResolvedPolicy mine = selection.select(parse(MINE), List.of(), List.of()).get(0);
        assertThat(mine.factory()).isInstanceOf(ComposedFactory.class);
        assertThat(mine.params().asWritten()).containsEntry("curve.cap", "2m").containsEntry("wakeOn",
                "localEnqueue,retryDeadline").containsEntry("errors.mode", "backoff").doesNotContainKey("jitter.percent");
    }

    @Test
    void aContradictoryPartShouldBeNamedWithItsFileLineAndColumn() {
        assertThatThrownBy(() -> resolve(MINE.replace("cap: 2m}", "cap: 5s}")))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("s.yaml:5:60: policies.mine.curve.cap: cap (5s) is below floor (10s)");
        assertThatThrownBy(() -> resolve(MINE.replace("factor: 1.5", "factor: 0.5")))
                .hasMessage("s.yaml:5:38: policies.mine.curve.factor: must be at least 1, got 0.5");
        assertThatThrownBy(() -> resolve(MINE.replace("      - localEnqueue\n      - retryDeadline\n", "      []\n")
                .replace("wakeOn:\n", "wakeOn:")))
                .hasMessageStartingWith("s.yaml:10:19: policies.mine.suspendAfter: a loop that suspends after 5m never"
                        + " polls again without a wake source");
        assertThatThrownBy(() -> resolve(MINE.replace("{kind: equal}", "{kind: percent}")))
                .hasMessageStartingWith("s.yaml:9:20: policies.mine.jitter.percent: missing: percent jitter needs");
    }

    @Test
    void aMissingOrUnknownPartShouldBeNamed() {
        assertThatThrownBy(() -> resolve(MINE.replace("kind: geometric, ", "")))
                .hasMessageStartingWith("s.yaml:5:21: policies.mine.curve.kind: missing: a composed policy needs a curve"
                        + " kind");
        assertThatThrownBy(() -> resolve(MINE.replace("jitter: {kind: equal}", "jitter: {knd: equal}")))
                .hasMessage("s.yaml:9:19: policies.mine.jitter.knd: unknown field 'knd' of jitter; expected one of kind,"
                        + " percent");
        assertThatThrownBy(() -> resolve(MINE.replace("saturation: hold", "saturaton: hold")))
                .hasMessageStartingWith("s.yaml:7:16: policies.mine.saturaton: unknown parameter 'saturaton'; expected"
                        + " one of curve, reset, saturation,");
        assertThatThrownBy(() -> resolve("workload: {kind: idle}\npolicies:\n  mine: {policy: composed}\n"))
                .hasMessageStartingWith("s.yaml:3:3: policies.mine.curve.kind: missing");
        assertThatThrownBy(() -> resolve(MINE.replace("reset: [work, freedSlot, wake]", "reset: [work, [wake]]")))
                .hasMessageContaining("expected a list of single values for parameter 'reset' of policy 'mine'");
        assertThatThrownBy(() -> resolve(MINE.replace("saturation: hold", "saturation:")))
                .hasMessageContaining("expected a value, a list or a map for parameter 'saturation' of policy 'mine'");
        assertThatThrownBy(() -> resolve(MINE.replace("saturation: hold", "curve.kind: fixed")))
                .hasMessageContaining("parameter 'curve.kind' appears twice");
    }

    @Test
    void setShouldReachAFieldOfAPartByTheLongestKnownLabel() {
        ResolvedPolicy mine = resolve(MINE, "mine.curve.factor=2", "mine.reset=work").get(0);
        assertThat(mine.params().factor("curve.factor").toString()).isEqualTo("2");
        assertThat(mine.params().list("reset")).containsExactly("work");
        String dotted = MINE.replace("  mine:", "  mine.v2:");
        assertThat(resolve(dotted, "mine.v2.curve.cap=3m").get(0).params().micros("curve.cap")).isEqualTo(180_000_000L);
        assertThatThrownBy(() -> resolve(MINE, "mine.curve.cap=5s"))
                .hasMessage("--set mine.curve.cap=5s: policies.mine.curve.cap: cap (5s) is below floor (10s)");
        assertThatThrownBy(() -> resolve(MINE, "other.curve.cap=5s"))
                .hasMessageContaining("no policy labelled 'other.curve' in this run");
        // labels without dots behave as before
        Scenario s = parse("workload: {kind: idle}\npolicies:\n  fixed: {}\n  fixed.slow: {policy: fixed}\n");
        assertThat(selection.select(s, List.of(), List.of("fixed.slow.interval=1m", "fixed.interval=2m")))
                .extracting(p -> p.label() + "=" + p.params().asWritten().get("interval"))
                .containsExactly("fixed=2m", "fixed.slow=1m");
    }

    @Test
    void aReloadShouldTakeANestedPartToo() {
        Scenario s = parse(MINE.replace("workload: {kind: idle}",
                "workload: {kind: idle}\nfaults:\n  reloads:\n    - {at: 1h, params: {batch: {size: 2}}}"));
        List<ResolvedPolicy> p = selection.select(s, List.of(), List.of());
        assertThat(ScenarioRunner.world(s, p.get(0)).faults().reloads().get(0).params().integer("batch.size")).isEqualTo(2);
        Scenario bad = parse(MINE.replace("workload: {kind: idle}",
                "workload: {kind: idle}\nfaults:\n  reloads:\n    - {at: 1h, params: {batch: {sise: 2}}}"));
        assertThatThrownBy(() -> new ScenarioRunner(1).run(bad, selection.select(bad, List.of(), List.of())))
                .hasMessageStartingWith("s.yaml:4:39: faults.reloads[0].params.batch.sise: no policy of this run has a"
                        + " parameter 'batch.sise'");
    }
}
