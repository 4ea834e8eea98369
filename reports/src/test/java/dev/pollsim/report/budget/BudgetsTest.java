package dev.pollsim.report.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pollsim.sim.scenario.Located;
import dev.pollsim.sim.scenario.ScenarioException;
import dev.pollsim.sim.scenario.TimeSpan;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading budgets files: every field, the defaults, and each bad input named by file, line, column and field. */
class BudgetsTest {

    private static final String FULL = String.join("\n",
            "tolerance: 2%",
            "regression: 12.5%",
            "budgets:",
            "  - scenario: default",
            "    name: default-short",
            "    days: 1",
            "    seed: 7",
            "    set: [exp-idle.cap=60s, fixed.interval=20s]",
            "    tolerance: 1%",
            "    regression: 5%",
            "    policies:",
            "      exp-idle:",
            "        requestsPerDay: 12000",
            "        requestsPerDaemonPerDay: 2500.5",
            "        wakeLatency: {mean: 20s, p50: 10s, p90: 40s, p99: 90s, p999: 2m, max: 3m}",
            "        stranded: 3",
            "        warmHoursPerDay: 24",
            "        rateLimited: 10",
            "        tolerance: 0.5%",
            "        regression: 0%",
            "      fixed: {}",
            "  - scenario: scenarios/mine.yaml",
            "    policies:",
            "      slow: {requestsPerDay: 900}",
            "");

    private static Budgets parse(String yaml) {
        return Budgets.parse(yaml, "b.yaml");
    }

    @Test
    void shouldReadEveryField() {
        Budgets b = Budgets.parse(FULL, "ci/budgets.yaml");
        assertThat(b.tolerance()).isEqualTo(Percent.parse("2%"));
        assertThat(b.regression().percent()).isEqualByComparingTo("12.5");
        assertThat(b.source()).isEqualTo("ci/budgets.yaml");
        assertThat(b.directory()).isEqualTo(Path.of("ci"));
        assertThat(b.budgets()).hasSize(2);

        ScenarioBudget first = b.budgets().get(0);
        assertThat(first.scenario()).isEqualTo(new Located("default", "ci/budgets.yaml", 4, 15));
        assertThat(first.name()).isEqualTo("default-short");
        assertThat(first.days()).isEqualTo(1);
        assertThat(first.seed()).isEqualTo(7L);
        assertThat(first.set()).extracting(Located::text).containsExactly("exp-idle.cap=60s", "fixed.interval=20s");
        assertThat(first.set().get(1).column()).isEqualTo(29);
        assertThat(first.tolerance()).isEqualTo(Percent.parse("1%"));
        assertThat(first.regression()).isEqualTo(Percent.parse("5%"));
        assertThat(first.policies()).extracting(p -> p.label().text()).containsExactly("exp-idle", "fixed");
        assertThat(first.policies().get(0).label().line()).isEqualTo(12);

        Limits l = first.policies().get(0).limits();
        assertThat(l.wakeLatency()).isEqualTo(new Limits.WakeLatency(TimeSpan.parse("20s"), TimeSpan.parse("10s"),
                TimeSpan.parse("40s"), TimeSpan.parse("90s"), TimeSpan.parse("2m"), TimeSpan.parse("3m")));
        assertThat(l.tolerance()).isEqualTo(Percent.parse("0.5%"));
        assertThat(l.regression()).isEqualTo(Percent.ZERO);
        Map<Metric, BigDecimal> limits = l.byMetric();
        assertThat(limits.keySet()).containsExactly(Metric.values());
        assertThat(limits.get(Metric.REQUESTS_PER_DAY)).isEqualByComparingTo("12000");
        assertThat(limits.get(Metric.REQUESTS_PER_DAEMON_PER_DAY)).isEqualByComparingTo("2500.5");
        assertThat(limits.get(Metric.WAKE_LATENCY_MEAN)).isEqualByComparingTo("20000");
        assertThat(limits.get(Metric.WAKE_LATENCY_P999)).isEqualByComparingTo("120000");
        assertThat(limits.get(Metric.WAKE_LATENCY_MAX)).isEqualByComparingTo("180000");
        assertThat(limits.get(Metric.STRANDED)).isEqualByComparingTo("3");
        assertThat(limits.get(Metric.WARM_HOURS_PER_DAY)).isEqualByComparingTo("24");
        assertThat(limits.get(Metric.RATE_LIMITED)).isEqualByComparingTo("10");

        assertThat(b.budgets().get(1).scenario().text()).isEqualTo("scenarios/mine.yaml");
    }

    @Test
    void shouldApplyTheDefaults() {
        Budgets b = parse("budgets:\n  - scenario: idle\n    policies:\n      fixed: {}\n");
        assertThat(b.tolerance()).isEqualTo(Percent.ZERO);
        assertThat(b.regression()).isEqualTo(Percent.parse("10%"));
        assertThat(b.directory()).isEqualTo(Path.of(""));
        ScenarioBudget e = b.budgets().get(0);
        assertThat(e.name()).isNull();
        assertThat(e.days()).isNull();
        assertThat(e.seed()).isNull();
        assertThat(e.set()).isEmpty();
        assertThat(e.tolerance()).isNull();
        assertThat(e.regression()).isNull();
        assertThat(e.policies().get(0).limits().byMetric()).containsExactly(Map.entry(Metric.STRANDED, BigDecimal.ZERO));
    }

    @Test
    void percentagesShouldBeExact() {
        assertThat(Percent.parse("2%").fraction()).isEqualByComparingTo("0.02");
        assertThat(Percent.parse("0.5 %").toString()).isEqualTo("0.5%");
        assertThat(Percent.parse("10.0%").toString()).isEqualTo("10%");
        assertThat(Percent.parse("150%").fraction()).isEqualByComparingTo("1.5");
        assertThatThrownBy(() -> Percent.parse("2")).hasMessage("expected a percentage such as 2% or 0.5%, got '2'"
                + " (the % sign is missing)");
        assertThatThrownBy(() -> Percent.parse("-2%")).hasMessageStartingWith("expected a percentage");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown top field      | tolerance: 2%\\nbudgetz: []                                           | b.yaml:2:1: unknown field 'budgetz'; expected one of budgets, regression, tolerance
            bare tolerance         | tolerance: 2\\nbudgets: []                                            | b.yaml:1:12: tolerance: expected a percentage such as 2% or 0.5%, got 2 (the % sign is missing)
            bad regression         | regression: ten%\\nbudgets: []                                        | b.yaml:1:13: regression: expected a percentage such as 2% or 0.5%, got 'ten%'
            empty budgets          | budgets: []                                                           | b.yaml: budgets: expected a list of scenarios with their limits, such as [{scenario: default, policies: {exp-idle: {requestsPerDay: 12000}}}]
            no budgets             | tolerance: 2%                                                         | b.yaml: budgets: expected a list of scenarios with their limits, such as [{scenario: default, policies: {exp-idle: {requestsPerDay: 12000}}}]
            misspelt scenario      | budgets:\\n  - scenaro: idle\\n    policies: {fixed: {}}             | b.yaml:2:5: budgets[0]: unknown field 'scenaro'; expected one of days, name, policies, regression, scenario, seed, set, tolerance
            empty entry            | budgets:\\n  - {}                                                  | b.yaml: budgets[0]: missing scenario; expected a preset name such as default, or a scenario file relative to the budgets file
            unknown entry field    | budgets:\\n  - scenario: idle\\n    dayz: 2\\n    policies: {fixed: {}} | b.yaml:3:5: budgets[0]: unknown field 'dayz'; expected one of days, name, policies, regression, scenario, seed, set, tolerance
            days out of range      | budgets:\\n  - scenario: idle\\n    days: 0\\n    policies: {fixed: {}} | b.yaml:3:11: budgets[0].days: expected a whole number of days from 1 to 36500, got 0
            seed not a number      | budgets:\\n  - scenario: idle\\n    seed: x\\n    policies: {fixed: {}} | b.yaml:3:11: budgets[0].seed: expected a whole number, got "x"
            scenario not text      | budgets:\\n  - scenario: [idle]\\n    policies: {fixed: {}}            | b.yaml:2:15: budgets[0].scenario: expected a text value, got [
            no scenario            | budgets:\\n  - policies: {fixed: {}}                                  | b.yaml:2:16: budgets[0]: missing scenario; expected a preset name such as default, or a scenario file relative to the budgets file
            no policies            | budgets:\\n  - scenario: idle                                         | b.yaml:2:15: budgets[0]: missing policies; expected the labels to check with their limits, such as {exp-idle: {requestsPerDay: 12000}}
            blank name             | budgets:\\n  - scenario: idle\\n    name: ' '\\n    policies: {fixed: {}} | b.yaml:2:15: budgets[0].name: expected a name for the results, such as default-short, got nothing
            policies not a map     | budgets:\\n  - scenario: idle\\n    policies: [fixed]                  | b.yaml:3:15: budgets[0].policies: expected a map of policy labels to their limits, such as {exp-idle: {requestsPerDay: 12000}}
            limits not a map       | budgets:\\n  - scenario: idle\\n    policies:\\n      fixed: 12000     | b.yaml:4:14: budgets[0].policies.fixed: expected the limits of policy 'fixed' as a map, such as {requestsPerDay: 12000}, or {} to check its stranded jobs alone
            duplicate label        | budgets:\\n  - scenario: idle\\n    policies:\\n      fixed: {}\\n      fixed: {} | b.yaml:5:12: budgets[0].policies: field 'fixed' appears twice
            unknown limit          | budgets:\\n  - scenario: idle\\n    policies:\\n      fixed: {requestsPerDai: 1} | b.yaml:4:15: budgets[0].policies.fixed: unknown field 'requestsPerDai'; expected one of rateLimited, regression, requestsPerDaemonPerDay, requestsPerDay, stranded, tolerance, wakeLatency, warmHoursPerDay
            requests not a number  | budgets:\\n  - scenario: idle\\n    policies:\\n      fixed: {requestsPerDay: 12k} | b.yaml:4:31: budgets[0].policies.fixed.requestsPerDay: expected a number such as 12000 or 2.5, got '12k'
            requests quoted        | budgets:\\n  - scenario: idle\\n    policies:\\n      fixed: {requestsPerDay: '12000'} | b.yaml:4:31: budgets[0].policies.fixed.requestsPerDay: expected a number such as 12000 or 2.5, got '12000'
            negative per daemon    | budgets:\\n  - scenario: idle\\n    policies:\\n      fixed: {requestsPerDaemonPerDay: -1} | b.yaml:4:40: budgets[0].policies.fixed.requestsPerDaemonPerDay: expected a number of at least 0, got -1
            latency without unit   | budgets:\\n  - scenario: idle\\n    policies:\\n      fixed: {wakeLatency: {p99: 90}} | b.yaml:4:34: budgets[0].policies.fixed.wakeLatency.p99: expected a duration such as 250ms, 10s, 5m, 2h or 1d, got 90 (the unit is missing)
            malformed latency      | budgets:\\n  - scenario: idle\\n    policies:\\n      fixed: {wakeLatency: {max: 2 min}} | b.yaml:4:34: budgets[0].policies.fixed.wakeLatency.max: expected a duration such as 250ms, 10s, 5m, 2h or 1d, got '2 min'
            unknown statistic      | budgets:\\n  - scenario: idle\\n    policies:\\n      fixed: {wakeLatency: {p99.9: 2m}} | b.yaml:4:29: budgets[0].policies.fixed.wakeLatency: unknown field 'p99.9'; expected one of max, mean, p50, p90, p99, p999
            fractional stranded    | budgets:\\n  - scenario: idle\\n    policies:\\n      fixed: {stranded: 0.5} | b.yaml:4:25: budgets[0].policies.fixed.stranded: expected a whole number such as 0 or 10, got '0.5'
            negative 429s          | budgets:\\n  - scenario: idle\\n    policies:\\n      fixed: {rateLimited: -2} | b.yaml:4:28: budgets[0].policies.fixed.rateLimited: expected a whole number of at least 0, got -2
            null warm hours        | budgets:\\n  - scenario: idle\\n    policies:\\n      fixed: {warmHoursPerDay: } | b.yaml:4:31: budgets[0].policies.fixed.warmHoursPerDay: expected a number such as 12000 or 2.5, got nothing
            policy tolerance       | budgets:\\n  - scenario: idle\\n    policies:\\n      fixed: {tolerance: 5} | b.yaml:4:26: budgets[0].policies.fixed.tolerance: expected a percentage such as 2% or 0.5%, got 5 (the % sign is missing)
            """)
    void shouldRefuseBadInputNamingFileLineColumnAndField(String what, String yaml, String message) {
        assertThatThrownBy(() -> parse(yaml.replace("\\n", "\n")))
                .as(what)
                .isInstanceOf(ScenarioException.class)
                .hasMessage(message);
    }

    @Test
    void shouldRefuseAnEmptyFileAndAMissingOne(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> parse("")).hasMessage("b.yaml: the budgets file is empty; expected at least budgets:");
        assertThatThrownBy(() -> parse("# only a comment\n")).hasMessageContaining("the budgets file is empty");
        assertThatThrownBy(() -> Budgets.load(dir.resolve("none.yaml"))).hasMessage(dir.resolve("none.yaml") + ": no such file");
        Path file = dir.resolve("b.yaml");
        Files.writeString(file, "budgets:\n  - scenario: idle\n    policies: {fixed: {requestsPerDay: 1}}\n");
        assertThat(Budgets.load(file).budgets()).hasSize(1);
        assertThat(Budgets.load(file).source()).isEqualTo(file.toString());
    }

    @Test
    void budgetsShouldBeAListInFileOrder() {
        Budgets b = parse("budgets:\n  - {scenario: idle, policies: {fixed: {}}}\n  - {scenario: burst, policies: {fixed: {}}}\n");
        assertThat(b.budgets()).extracting(e -> e.scenario().text()).isEqualTo(List.of("idle", "burst"));
    }
}
