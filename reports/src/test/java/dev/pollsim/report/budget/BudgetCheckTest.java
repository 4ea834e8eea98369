package dev.pollsim.report.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pollsim.policy.builtin.BuiltinPolicies;
import dev.pollsim.sim.run.ScenarioRunner;
import dev.pollsim.sim.scenario.ScenarioException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Planning budgets against scenarios, and holding results to rules and a baseline. */
class BudgetCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final BudgetCheck CHECK = new BudgetCheck(BuiltinPolicies.catalogue(), new ScenarioRunner(1));

    /** A run of scenario {@code s} (seed 1, 1 day, 2 daemons) with one result per given JSON object. */
    private static JsonNode run(String... results) {
        return json("{\"scenario\": \"s\", \"seed\": 1, \"days\": 1, \"daemons\": 2, \"results\": ["
                + String.join(",", results) + "]}");
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Rule rule(Metric metric, String limit, String tolerance, String regression) {
        return new Rule("s", "p", metric, new BigDecimal(limit), Percent.parse(tolerance), Percent.parse(regression));
    }

    private static Rule rule(Metric metric, String limit) {
        return rule(metric, limit, "0%", "10%");
    }

    private static RuleResult one(Rule rule, String result, Baseline baseline) {
        return BudgetCheck.evaluate(List.of(rule), run(result), baseline).rules().get(0);
    }

    private static RuleResult one(Rule rule, String result) {
        return one(rule, result, Baseline.NONE);
    }

    private static Baseline baseline(String... results) {
        return Baseline.parse("{\"scenario\": \"s\", \"seed\": 1, \"days\": 1, \"results\": [" + String.join(",", results) + "]}",
                "base.json");
    }

    @Nested
    class AgainstLimits {

        @Test
        void aValueUnderItsLimitShouldPassWithItsMargin() {
            RuleResult r = one(rule(Metric.REQUESTS_PER_DAY, "1000"), "{\"policy\": \"p\", \"requestsPerDay\": 900}");
            assertThat(r.verdict()).isEqualTo(Verdict.PASS);
            assertThat(r.value()).isEqualByComparingTo("900");
            assertThat(r.marginPercent()).isEqualByComparingTo("10.0");
            assertThat(r.notes()).isEmpty();
            assertThat(r.comparison()).isNull();
        }

        @Test
        void aValueAtItsLimitShouldPass() {
            RuleResult r = one(rule(Metric.REQUESTS_PER_DAY, "1000"), "{\"policy\": \"p\", \"requestsPerDay\": 1000}");
            assertThat(r.verdict()).isEqualTo(Verdict.PASS);
            assertThat(r.marginPercent()).isEqualByComparingTo("0");
        }

        @Test
        void aValueOverItsLimitShouldFailWithANegativeMargin() {
            RuleResult r = one(rule(Metric.REQUESTS_PER_DAY, "1000"), "{\"policy\": \"p\", \"requestsPerDay\": 1100}");
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(r.marginPercent()).isEqualByComparingTo("-10.0");
            assertThat(Cells.why(r)).isEqualTo("1,100 is over the limit 1,000, margin -10.0%");
        }

        @Test
        void theMarginShouldBeRoundedHalfEvenToATenth() {
            // (3 - 1) / 3 = 66.666..%; (8 - 7.9995) / 8 = 0.00625% -> 0.0
            assertThat(one(rule(Metric.WARM_HOURS_PER_DAY, "3"), "{\"policy\": \"p\", \"upstream\": {\"warmHoursPerDay\": 1}}")
                    .marginPercent()).isEqualByComparingTo("66.7");
            assertThat(one(rule(Metric.WARM_HOURS_PER_DAY, "8"), "{\"policy\": \"p\", \"upstream\": {\"warmHoursPerDay\": 7.9995}}")
                    .marginPercent()).isEqualByComparingTo("0.0");
        }

        @Test
        void toleranceShouldWidenTheLimitButNotTheMargin() {
            Rule r = rule(Metric.REQUESTS_PER_DAY, "1000", "2%", "10%");
            assertThat(r.allowed()).isEqualByComparingTo("1020");
            RuleResult within = one(r, "{\"policy\": \"p\", \"requestsPerDay\": 1020}");
            assertThat(within.verdict()).isEqualTo(Verdict.PASS);
            assertThat(within.marginPercent()).isEqualByComparingTo("-2.0");
            assertThat(within.notes()).containsExactly("within the 2% tolerance");
            RuleResult over = one(r, "{\"policy\": \"p\", \"requestsPerDay\": 1020.001}");
            assertThat(over.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(Cells.why(over)).isEqualTo("1,020 is over the limit 1,000 and its 2% tolerance (1,020), margin -2.0%");
        }

        @Test
        void aLimitOfZeroShouldHaveNoMargin() {
            RuleResult zero = one(rule(Metric.STRANDED, "0"), "{\"policy\": \"p\", \"jobs\": {\"stranded\": 0}}");
            assertThat(zero.verdict()).isEqualTo(Verdict.PASS);
            assertThat(zero.marginPercent()).isNull();
            assertThat(Cells.margin(zero)).isEqualTo("-");
            RuleResult one = one(rule(Metric.STRANDED, "0", "50%", "10%"), "{\"policy\": \"p\", \"jobs\": {\"stranded\": 1}}");
            assertThat(one.verdict()).as("tolerance widens nothing of 0").isEqualTo(Verdict.FAIL);
        }

        @Test
        void aLatencyRuleShouldPassWithANoteWhenNoJobWasPickedUp() {
            RuleResult r = one(rule(Metric.WAKE_LATENCY_P99, "90000"),
                    "{\"policy\": \"p\", \"wakeLatencyMs\": {\"p99\": null, \"count\": 0}}");
            assertThat(r.verdict()).isEqualTo(Verdict.PASS);
            assertThat(r.value()).isNull();
            assertThat(r.marginPercent()).isNull();
            assertThat(r.notes()).containsExactly("no job picked up");
            assertThat(Cells.value(r)).isEqualTo("-");
        }

        @Test
        void latenciesShouldCompareInMillisecondsAndReadInSeconds() {
            RuleResult r = one(rule(Metric.WAKE_LATENCY_P99, "90000"),
                    "{\"policy\": \"p\", \"wakeLatencyMs\": {\"p99\": 71041.023}}");
            assertThat(r.marginPercent()).isEqualByComparingTo("21.1");
            assertThat(Cells.value(r)).isEqualTo("71.04s");
            assertThat(Cells.limit(r.rule())).isEqualTo("90s");
            assertThat(Metric.Unit.MILLIS.format(new BigDecimal("250"))).isEqualTo("250ms");
            assertThat(Metric.Unit.MILLIS.format(new BigDecimal("0"))).isEqualTo("0s");
            assertThat(Metric.Unit.MILLIS.format(new BigDecimal("1374128.476"))).isEqualTo("1,374.13s");
        }

        @Test
        void thePerDaemonRuleShouldHoldTheBusiestDaemon() {
            RuleResult r = one(rule(Metric.REQUESTS_PER_DAEMON_PER_DAY, "3"),
                    "{\"policy\": \"p\", \"requestsPerDaemonPerDay\": [1, 3.5, 2]}");
            assertThat(r.value()).isEqualByComparingTo("3.5");
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        }

        @Test
        void everyMetricShouldReadItsDocumentedField() {
            JsonNode result = json("{\"policy\": \"p\", \"requestsPerDay\": 1, \"requestsPerDaemonPerDay\": [2],"
                    + " \"wakeLatencyMs\": {\"mean\": 3, \"p50\": 4, \"p90\": 5, \"p99\": 6, \"p999\": 7, \"max\": 8},"
                    + " \"jobs\": {\"stranded\": 9}, \"upstream\": {\"warmHoursPerDay\": 10, \"rateLimited\": 11}}");
            for (Metric m : Metric.values()) {
                assertThat(m.decimal(result)).as(m.key()).isEqualByComparingTo(BigDecimal.valueOf(m.ordinal() + 1));
            }
        }
    }

    @Nested
    class AgainstABaseline {

        private final String now = "{\"policy\": \"p\", \"requestsPerDay\": 900, \"wakeLatencyMs\": {\"p99\": 1000}}";

        @Test
        void growthOverTheThresholdShouldFailAsARegressionEvenWithinBudget() {
            RuleResult r = one(rule(Metric.REQUESTS_PER_DAY, "1000"), now, baseline("{\"policy\": \"p\", \"requestsPerDay\": 800}"));
            assertThat(r.verdict()).isEqualTo(Verdict.REGRESSION);
            assertThat(r.verdict().broken()).isTrue();
            assertThat(r.comparison()).isEqualTo(new RuleResult.Comparison(new BigDecimal("800"), new BigDecimal("12.5"), true));
            assertThat(r.notes()).containsExactly("grew 12.5% against the baseline, more than the 10% allowed");
            assertThat(Cells.why(r)).isEqualTo(
                    "900 grew by 12.5% against the baseline 800, more than the 10% allowed (limit 1,000, margin +10.0%)");
        }

        @Test
        void growthUpToTheThresholdShouldPass() {
            RuleResult r = one(rule(Metric.REQUESTS_PER_DAY, "1000"), "{\"policy\": \"p\", \"requestsPerDay\": 880}",
                    baseline("{\"policy\": \"p\", \"requestsPerDay\": 800}"));
            assertThat(r.verdict()).isEqualTo(Verdict.PASS);
            assertThat(r.comparison().changePercent()).isEqualByComparingTo("10.0");
            assertThat(r.comparison().regressed()).isFalse();
            RuleResult better = one(rule(Metric.REQUESTS_PER_DAY, "1000"), now,
                    baseline("{\"policy\": \"p\", \"requestsPerDay\": 1200}"));
            assertThat(better.verdict()).isEqualTo(Verdict.PASS);
            assertThat(Cells.change(better)).isEqualTo("-25.0%");
        }

        @Test
        void aRuleOverItsLimitShouldFailAsOverEvenWhenItAlsoRegressed() {
            RuleResult r = one(rule(Metric.REQUESTS_PER_DAY, "850"), now, baseline("{\"policy\": \"p\", \"requestsPerDay\": 100}"));
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(r.comparison().regressed()).isTrue();
        }

        @Test
        void anyGrowthFromZeroShouldBeARegression() {
            RuleResult r = one(rule(Metric.RATE_LIMITED, "10"), "{\"policy\": \"p\", \"upstream\": {\"rateLimited\": 1}}",
                    baseline("{\"policy\": \"p\", \"upstream\": {\"rateLimited\": 0}}"));
            assertThat(r.verdict()).isEqualTo(Verdict.REGRESSION);
            assertThat(r.comparison().changePercent()).isNull();
            assertThat(Cells.change(r)).isEqualTo("from 0");
            RuleResult same = one(rule(Metric.RATE_LIMITED, "10"), "{\"policy\": \"p\", \"upstream\": {\"rateLimited\": 0}}",
                    baseline("{\"policy\": \"p\", \"upstream\": {\"rateLimited\": 0}}"));
            assertThat(same.verdict()).isEqualTo(Verdict.PASS);
            assertThat(Cells.change(same)).isEqualTo("0.0%");
        }

        @Test
        void aThresholdOfZeroShouldFlagAnyGrowth() {
            RuleResult r = one(rule(Metric.REQUESTS_PER_DAY, "1000", "0%", "0%"), "{\"policy\": \"p\", \"requestsPerDay\": 800.001}",
                    baseline("{\"policy\": \"p\", \"requestsPerDay\": 800}"));
            assertThat(r.verdict()).isEqualTo(Verdict.REGRESSION);
        }

        @Test
        void aLabelMissingFromTheBaselineShouldBeReportedNotIgnored() {
            ScenarioResult s = BudgetCheck.evaluate(List.of(rule(Metric.REQUESTS_PER_DAY, "1000")), run(now),
                    baseline("{\"policy\": \"other\", \"requestsPerDay\": 1}"));
            RuleResult r = s.rules().get(0);
            assertThat(r.verdict()).isEqualTo(Verdict.PASS);
            assertThat(r.comparison()).isNull();
            assertThat(r.notes()).containsExactly("no baseline");
            CheckReport report = new CheckReport("b.yaml", true, List.of(s));
            assertThat(report.withoutBaseline()).isEqualTo(1);
            assertThat(report.summary()).isEqualTo("check passed: the rule holds (1 without a baseline to compare with)");
        }

        @Test
        void aMetricMissingFromTheBaselineShouldBeReportedNotIgnored() {
            RuleResult r = one(rule(Metric.WARM_HOURS_PER_DAY, "24"), "{\"policy\": \"p\", \"upstream\": {\"warmHoursPerDay\": 3}}",
                    baseline("{\"policy\": \"p\", \"requestsPerDay\": 1}"));
            assertThat(r.notes()).containsExactly("the baseline has no upstream.warmHoursPerDay");
            assertThat(r.comparison()).isNull();
            RuleResult none = one(rule(Metric.WAKE_LATENCY_P99, "90000"), now,
                    baseline("{\"policy\": \"p\", \"wakeLatencyMs\": {\"p99\": null}}"));
            assertThat(none.notes()).containsExactly("no baseline: it picked up no job");
        }

        @Test
        void aScenarioMissingFromTheBaselineOrRunDifferentlyShouldBeNoted() {
            Baseline other = Baseline.parse("{\"scenario\": \"t\", \"results\": []}", "base.json");
            ScenarioResult s = BudgetCheck.evaluate(List.of(rule(Metric.REQUESTS_PER_DAY, "1000")), run(now), other);
            assertThat(s.notes()).containsExactly("the baseline has no run of scenario 's'");
            assertThat(s.rules().get(0).notes()).containsExactly("no baseline");
            Baseline seeded = Baseline.parse("{\"scenario\": \"s\", \"seed\": 7, \"days\": 7, \"results\": []}", "base.json");
            assertThat(BudgetCheck.evaluate(List.of(), run(), seeded).notes()).containsExactly(
                    "the baseline ran seed 7 over 7 days, this check seed 1 over 1 day: some of the change comes from that");
        }

        @Test
        void withoutABaselineNothingShouldBeCompared() {
            RuleResult r = one(rule(Metric.REQUESTS_PER_DAY, "1000"), now);
            assertThat(r.comparison()).isNull();
            assertThat(r.notes()).isEmpty();
            assertThat(new CheckReport("b", false, List.of(BudgetCheck.evaluate(List.of(r.rule()), run(now), Baseline.NONE)))
                    .withoutBaseline()).isZero();
        }
    }

    @Nested
    class Baselines {

        @TempDir
        Path dir;

        @Test
        void shouldReadARunDocumentAndACheckDocument() throws IOException {
            Path run = dir.resolve("run.json");
            Files.writeString(run, "{\"scenario\": \"a\", \"seed\": 3, \"days\": 2, \"results\": [{\"policy\": \"p\", \"requestsPerDay\": 1.5}]}");
            Path check = dir.resolve("check.json");
            Files.writeString(check, "{\"runs\": [{\"scenario\": \"b\", \"results\": []}, {\"scenario\": \"c\", \"results\": []}]}");
            Baseline b = Baseline.read(List.of(run, check));
            assertThat(b.present()).isTrue();
            assertThat(b.run("a").orElseThrow().seed()).isEqualTo(3L);
            assertThat(b.run("a").orElseThrow().results().get("p").get("requestsPerDay").decimalValue())
                    .isEqualByComparingTo("1.5");
            assertThat(b.run("b")).isPresent();
            assertThat(b.run("c").orElseThrow().seed()).isNull();
            assertThat(b.run("d")).isEmpty();
            assertThat(Baseline.NONE.present()).isFalse();
        }

        @Test
        void shouldRefuseWhatIsNotARunsJson() throws IOException {
            Path f = dir.resolve("b.json");
            Files.writeString(f, "{\"x\": 1}");
            assertThatThrownBy(() -> Baseline.read(List.of(f))).isInstanceOf(ScenarioException.class)
                    .hasMessage("--baseline " + f + ": expected the JSON of `pollsim run --format json` (with scenario and"
                            + " results) or of `pollsim check --results` (with runs)");
            Files.writeString(f, "{\"scenario\": \"a\",\n \"results\": [");
            assertThatThrownBy(() -> Baseline.read(List.of(f))).hasMessageStartingWith("--baseline " + f + ":2:").hasMessageContaining("not JSON");
            Files.writeString(f, "{\"scenario\": \"a\", \"results\": [{\"policy\": \"p\"}, {\"policy\": \"p\"}]}");
            assertThatThrownBy(() -> Baseline.read(List.of(f))).hasMessage("--baseline " + f + ": results[1].policy: label 'p' appears twice");
            Files.writeString(f, "{\"scenario\": 3, \"results\": []}");
            assertThatThrownBy(() -> Baseline.read(List.of(f))).hasMessage("--baseline " + f + ": scenario: expected the scenario's name");
            assertThatThrownBy(() -> Baseline.read(List.of(dir.resolve("none.json"))))
                    .hasMessage("--baseline " + dir.resolve("none.json") + ": no such file");
            Files.writeString(f, "{\"scenario\": \"a\", \"results\": []}");
            assertThatThrownBy(() -> Baseline.read(List.of(f, f))).hasMessageContaining("scenario 'a' is also in");
        }
    }

    @Nested
    class Planning {

        @TempDir
        Path dir;

        private Budgets budgets(String yaml) {
            return Budgets.parse(yaml, dir.resolve("b.yaml").toString());
        }

        private String at(int line, int column) {
            return dir.resolve("b.yaml") + ":" + line + ":" + column + ": ";
        }

        @Test
        void shouldApplyTheEntrysNameDaysSeedAndSet() {
            BudgetCheck.Plan p = CHECK.plan(budgets(String.join("\n",
                    "budgets:",
                    "  - scenario: default",
                    "    name: quick",
                    "    days: 1",
                    "    seed: 9",
                    "    set: [exp-idle.cap=60s]",
                    "    policies:",
                    "      exp-idle: {requestsPerDay: 12000}",
                    "      hibernate: {}"))).get(0);
            assertThat(p.scenario().name()).isEqualTo("quick");
            assertThat(p.scenario().days()).isEqualTo(1);
            assertThat(p.scenario().seed()).isEqualTo(9L);
            assertThat(p.policies()).extracting(r -> r.label()).containsExactly("exp-idle", "hibernate");
            assertThat(p.policies().get(0).params().asWritten()).containsEntry("cap", "1m");
            assertThat(p.rules()).extracting(Rule::name).containsExactly(
                    "quick / exp-idle / requestsPerDay", "quick / exp-idle / stranded", "quick / hibernate / stranded");
        }

        @Test
        void theNearestToleranceAndRegressionShouldWin() {
            List<Rule> rules = CHECK.plan(budgets(String.join("\n",
                    "tolerance: 1%",
                    "budgets:",
                    "  - scenario: idle",
                    "    tolerance: 2%",
                    "    regression: 20%",
                    "    policies:",
                    "      fixed: {tolerance: 3%, regression: 30%}",
                    "      oracle: {}",
                    "  - scenario: burst",
                    "    policies: {fixed: {}}"))).stream().flatMap(p -> p.rules().stream()).toList();
            assertThat(rules).extracting(r -> r.tolerance().toString() + " " + r.regression())
                    .containsExactly("3% 30%", "2% 20%", "1% 10%");
        }

        @Test
        void aBuiltInPolicyTheScenarioDoesNotListShouldRunWithItsDefaults() {
            BudgetCheck.Plan p = CHECK.plan(budgets("budgets:\n  - scenario: burst\n    policies: {hibernate: {}}\n")).get(0);
            assertThat(p.policies().get(0).definition().name()).isEqualTo("hibernate");
        }

        @Test
        void aScenarioFileShouldResolveAgainstTheBudgetsFile() throws IOException {
            Files.createDirectories(dir.resolve("scenarios"));
            Files.writeString(dir.resolve("scenarios/mine.yaml"),
                    "workload: {kind: idle}\ndays: 1\npolicies:\n  slow: {policy: fixed, interval: 1m}\n");
            BudgetCheck.Plan p = CHECK.plan(budgets("budgets:\n  - scenario: scenarios/mine.yaml\n    policies: {slow: {}}\n"))
                    .get(0);
            assertThat(p.scenario().name()).isEqualTo("mine");
            assertThat(p.policies().get(0).params().micros("interval")).isEqualTo(60_000_000L);

            assertThatThrownBy(() -> CHECK.plan(budgets("budgets:\n  - scenario: scenarios/none.yaml\n    policies: {slow: {}}\n")))
                    .hasMessage(at(2, 15) + "budgets[0].scenario: no such scenario file: " + dir.resolve("scenarios/none.yaml"));
            Files.writeString(dir.resolve("scenarios/bad.yaml"), "workload: {kind: idle}\nfleet: {daemonz: 2}\n");
            assertThatThrownBy(() -> CHECK.plan(budgets("budgets:\n  - scenario: scenarios/bad.yaml\n    policies: {slow: {}}\n")))
                    .as("a bad scenario file is named itself")
                    .hasMessageStartingWith(dir.resolve("scenarios/bad.yaml") + ":2:").hasMessageContaining("unknown field 'daemonz'");
        }

        @Test
        void shouldRefuseAnUnknownPresetOrLabelAtItsLine() {
            assertThatThrownBy(() -> CHECK.plan(budgets("budgets:\n  - scenario: idel\n    policies: {fixed: {}}\n")))
                    .isInstanceOf(ScenarioException.class)
                    .hasMessage(at(2, 15) + "budgets[0].scenario: unknown preset 'idel'; presets are default, idle, steady,"
                            + " bursty, five-daemons, scale-to-zero, burst, and a scenario file ends in .yaml");
            assertThatThrownBy(() -> CHECK.plan(budgets("budgets:\n  - scenario: burst\n    policies:\n      turbo: {}\n")))
                    .hasMessageStartingWith(at(4, 7) + "budgets[0].policies.turbo: unknown policy 'turbo'; the labels of"
                            + " scenario 'burst' are batched-1, batched, fixed, exp-idle, oracle; built-in policies are fixed,");
            assertThatThrownBy(() -> CHECK.plan(budgets("budgets:\n  - scenario: idle\n    policies:\n      fixed: {}\n      turbo: {}\n")))
                    .hasMessageStartingWith(at(5, 7) + "budgets[0].policies.turbo: unknown policy 'turbo'; scenario 'idle'"
                            + " names no policies, so its labels are the built-in policies: fixed, exp-idle,");
        }

        @Test
        void shouldRefuseABadSetAtItsLine() {
            assertThatThrownBy(() -> CHECK.plan(budgets(
                    "budgets:\n  - scenario: idle\n    set: [fixed.interval=20s, fixed.interval=soon]\n    policies: {fixed: {}}\n")))
                    .hasMessageStartingWith(at(3, 31) + "budgets[0].set[1]: policies.fixed.interval: expected a duration");
            assertThatThrownBy(() -> CHECK.plan(budgets(
                    "budgets:\n  - scenario: idle\n    set: [exp-idle.cap=1m]\n    policies: {fixed: {}}\n")))
                    .hasMessage(at(3, 11) + "budgets[0].set[0]: no policy labelled 'exp-idle' in this run; labels are fixed");
            assertThatThrownBy(() -> CHECK.plan(budgets(
                    "budgets:\n  - scenario: idle\n    set: [interval]\n    policies: {fixed: {}}\n")))
                    .hasMessage(at(3, 11) + "budgets[0].set[0]: expected LABEL.PARAM=VALUE, such as exp-idle.cap=60s");
        }

        @Test
        void shouldRefuseTwoEntriesUnderOneName() {
            assertThatThrownBy(() -> CHECK.plan(budgets(
                    "budgets:\n  - {scenario: idle, policies: {fixed: {}}}\n  - {scenario: idle, policies: {oracle: {}}}\n")))
                    .hasMessage(at(3, 16) + "budgets[1].scenario: scenario 'idle' is already checked by budgets[0];"
                            + " give one entry its own name: to tell their results apart");
            assertThat(CHECK.plan(budgets("budgets:\n  - {scenario: idle, policies: {fixed: {}}}\n"
                    + "  - {scenario: idle, name: idle-2, policies: {oracle: {}}}\n"))).hasSize(2);
        }
    }

    @Test
    void aCheckShouldRunEveryEntryAndKeepItsRuns() {
        Budgets b = Budgets.parse(String.join("\n",
                "budgets:",
                "  - scenario: idle",
                "    policies:",
                "      fixed: {requestsPerDay: 17280}",
                "      exp-idle: {requestsPerDay: 1000}",
                "      oracle: {requestsPerDay: 0, wakeLatency: {p99: 1s}}"), "b.yaml");
        BudgetCheck.Outcome o = CHECK.check(b, Baseline.NONE);
        assertThat(o.runs()).hasSize(1);
        assertThat(o.runs().get(0).results()).hasSize(3);
        CheckReport r = o.report();
        assertThat(r.rules()).hasSize(7);
        assertThat(r.broken()).extracting(x -> x.rule().name()).containsExactly("idle / exp-idle / requestsPerDay");
        assertThat(r.broken().get(0).value()).isEqualByComparingTo("1448");
        assertThat(r.passed()).isFalse();
        assertThat(r.summary()).isEqualTo("check failed: 1 of 7 rules broken");
        assertThat(r.rules().get(0).marginPercent()).isEqualByComparingTo("0");
    }
}
