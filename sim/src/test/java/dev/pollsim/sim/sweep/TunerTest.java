package dev.pollsim.sim.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pollsim.policy.param.Durations;
import dev.pollsim.sim.scenario.ScenarioException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TunerTest {

    /**
     * One daemon, one request per tick, ticks at 0, I, 2I, ... (aligned phases): a day costs
     * exactly ceil(86400 s / I) requests, so {@code requestsPerDay<=2880} holds for I >= 30 s and
     * for no shorter interval; and a longer interval only makes work wait longer.
     */
    static final ScenarioRef ALIGNED = new ScenarioRef("aligned.yaml", "aligned.yaml", """
            name: aligned
            days: 1
            seed: 5
            workload: {kind: poisson, ratePerHour: 600, serviceTime: 1s}
            fleet: {daemons: 1, maxConcurrent: 1000, requestsPerTick: 1, startPhases: aligned}
            policies:
              fixed: {}
            """);

    private static TuneSpec fixedUnderBudget(int evaluations) {
        return new TuneSpec(ALIGNED, null, null, "fixed", List.of(), "interval=1s..120s",
                List.of(Budget.parse("requestsPerDay<=2880")), "wakeLatencyMs.p99", false, evaluations,
                Replications.fixed(2));
    }

    @Test
    void shouldFindTheSmallestFixedIntervalThatMeetsARequestsPerDayBudget() {
        TuneResult r = fixedUnderBudget(60).run(new SweepRunner(2), n -> {});
        long found = Durations.parseMicros(r.best().values().get("interval"));
        long optimum = 86_400 * Durations.MICROS_PER_SECOND / 2880;
        assertThat(optimum).isEqualTo(30 * Durations.MICROS_PER_SECOND);
        assertThat(r.best().feasible()).isTrue();
        assertThat(r.best().result().estimate("requestsPerDay").mean()).isLessThanOrEqualTo(2880);
        // p99 is recorded to three significant digits, so the objective cannot tell intervals
        // apart below about 0.1%: the search must land on the boundary within that resolution
        assertThat(found).isBetween(optimum, optimum + optimum / 1000);
        assertThat(r.evaluations()).isEqualTo(60);
        assertThat(r.refused()).isZero();
        assertThat(r.optimiserEvaluations()).isEqualTo(30);
    }

    @Test
    void shouldGiveTheSameAnswerForTheSameSeedOnAnyThreadCount() {
        TuneResult one = fixedUnderBudget(12).run(new SweepRunner(1), n -> {});
        TuneResult four = fixedUnderBudget(12).run(new SweepRunner(4), n -> {});
        assertThat(four.history()).extracting(TuneCandidate::values)
                .containsExactlyElementsOf(one.history().stream().map(TuneCandidate::values).toList());
        assertThat(four.best().values()).isEqualTo(one.best().values());
    }

    @Test
    void shouldPreferTheSettingThatMissesTheBudgetLeastWhenNoneMeetsIt() {
        TuneSpec impossible = new TuneSpec(ALIGNED, null, null, "fixed", List.of(), "interval=1s..10s",
                List.of(Budget.parse("requestsPerDay<=100")), "wakeLatencyMs.p99", false, 6, Replications.fixed(1));
        TuneResult r = impossible.run(new SweepRunner(1), n -> {});
        assertThat(r.best().feasible()).isFalse();
        assertThat(r.history()).allSatisfy(c -> assertThat(c.violation()).isGreaterThanOrEqualTo(r.best().violation()));
    }

    @Test
    void shouldRefuseRangesItCannotSearch() {
        assertThatThrownBy(() -> new TuneSpec(ALIGNED, null, null, "fixed", List.of(), "base=5s..60s", List.of(),
                "wakeLatencyMs.p99", false, 10, Replications.fixed(1)).run(new SweepRunner(1), n -> {}))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("--over base=5s..60s: fixed has no parameter 'base'; its parameters are interval");
        assertThatThrownBy(() -> new TuneSpec(ALIGNED, null, null, "fixed", List.of(), "interval=60s..5s", List.of(),
                "wakeLatencyMs.p99", false, 10, Replications.fixed(1)).run(new SweepRunner(1), n -> {}))
                .hasMessage("--over interval=60s..5s: the low end must be below the high end");
        assertThatThrownBy(() -> new TuneSpec(ALIGNED, null, null, "fixed", List.of(), "interval=0s..5s", List.of(),
                "wakeLatencyMs.p99", false, 10, Replications.fixed(1)).run(new SweepRunner(1), n -> {}))
                .hasMessage("--over interval=0s..5s: interval: must be at least 1us, got 0s");
        assertThatThrownBy(() -> new TuneSpec(ALIGNED, null, null, "fixed", List.of(), "interval=1s..5s", List.of(),
                "wakeLatencyMs.p98", false, 10, Replications.fixed(1)))
                .hasMessageStartingWith("--minimize wakeLatencyMs.p98: unknown metric 'wakeLatencyMs.p98'; expected one of"
                        + " requestsPerDay,");
    }

    @Test
    void shouldMapTheUnitIntervalOntoValuesTheParameterAccepts() {
        TuneRange cap = new TuneRange("cap", dev.pollsim.policy.param.ParamType.DURATION, 30e6, 600e6);
        assertThat(cap.at(0)).isEqualTo("30s");
        assertThat(cap.at(1)).isEqualTo("10m");
        assertThat(cap.at(0.5)).isEqualTo("134.164079s"); // 30 s x sqrt(20), to the microsecond
        assertThat(cap.position("134.164079s")).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-6));
        TuneRange multiplier = new TuneRange("multiplier", dev.pollsim.policy.param.ParamType.FACTOR, 1.2, 3);
        assertThat(multiplier.at(0.5)).isEqualTo("1.897367"); // sqrt(3.6), six decimals
        assertThat(multiplier.at(2)).isEqualTo("3");
        TuneRange agents = new TuneRange("agents", dev.pollsim.policy.param.ParamType.INTEGER, 1, 8);
        assertThat(agents.at(0.5)).isEqualTo("3"); // sqrt(8) = 2.83
    }

    @Test
    void budgetsShouldParseBothDirectionsAndRefuseNonsense() {
        Budget b = Budget.parse("requestsPerDay<=3000");
        assertThat(b.met(3000)).isTrue();
        assertThat(b.met(3000.5)).isFalse();
        assertThat(b.violation(3300)).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(Budget.parse("jobs.completed>=10").met(9)).isFalse();
        assertThat(b).hasToString("requestsPerDay<=3000");
        assertThatThrownBy(() -> Budget.parse("requestsPerDay<3000"))
                .hasMessage("--budget requestsPerDay<3000: expected METRIC<=VALUE or METRIC>=VALUE, such as"
                        + " requestsPerDay<=3000");
        assertThatThrownBy(() -> Budget.parse("requestsPerDay<=lots"))
                .hasMessage("--budget requestsPerDay<=lots: expected a number after <=, got 'lots'");
        assertThatThrownBy(() -> Budget.parse("rpd<=3")).hasMessageStartingWith("--budget rpd<=3: unknown metric 'rpd'");
    }
}
