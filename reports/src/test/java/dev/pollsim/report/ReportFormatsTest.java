package dev.pollsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pollsim.policy.builtin.BuiltinPolicies;
import dev.pollsim.sim.run.RunReport;
import dev.pollsim.sim.run.ScenarioRunner;
import dev.pollsim.sim.scenario.PolicySelection;
import dev.pollsim.sim.scenario.Scenario;
import dev.pollsim.sim.scenario.ScenarioLoader;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON, CSV and table output, sealed by golden files; tests run under a Turkish default locale. */
class ReportFormatsTest {

    private static final String SCENARIO = String.join("\n",
            "name: golden",
            "days: 2",
            "seed: 20261123",
            "workload:",
            "  kind: poisson",
            "  ratePerHour: 40",
            "  serviceTime: {dist: exponential, mean: 90s}",
            "fleet:",
            "  daemons: 2",
            "  maxConcurrent: 2",
            "  requestsPerTick: 2",
            "policies:",
            "  fixed: {interval: 10s}",
            "  exp-idle: {}",
            "  fixed-60s: {policy: fixed, interval: 60s}",
            "");

    static RunReport report() {
        Scenario s = new ScenarioLoader().parse(SCENARIO, "golden.yaml");
        return new ScenarioRunner(2).run(s, new PolicySelection(BuiltinPolicies.catalogue()).select(s, List.of(), List.of()));
    }

    @Test
    void jsonShouldMatchItsGoldenFile() throws IOException {
        Golden.assertMatches("run.json", new JsonReport(false).render(report()));
    }

    @Test
    void jsonWithSeriesShouldMatchItsGoldenFile() throws IOException {
        Golden.assertMatches("run-series.json", new JsonReport(true).render(report()));
    }

    @Test
    void csvShouldMatchItsGoldenFile() throws IOException {
        Golden.assertMatches("run.csv", new CsvReport().render(report()));
    }

    @Test
    void tableShouldMatchItsGoldenFile() throws IOException {
        Golden.assertMatches("run.txt", new TableReport().render(report()));
    }

    @Test
    void markdownSummaryShouldMatchItsGoldenFile() throws IOException {
        Golden.assertMatches("summary.md", new MarkdownSummary().render(report(), "0.0.0-test"));
    }

    @Test
    void jsonShouldBeByteIdenticalForTheSameScenarioAndSeed() {
        assertThat(new JsonReport(true).render(report())).isEqualTo(new JsonReport(true).render(report()));
    }

    @Test
    void jsonShouldCarryTheContractNames() throws IOException {
        JsonNode root = new ObjectMapper().readTree(new JsonReport(false).render(report()));
        assertThat(root.fieldNames()).toIterable().contains("scenario", "seed", "days", "results");
        JsonNode first = root.get("results").get(0);
        assertThat(first.fieldNames()).toIterable().contains("policy", "requestsPerDay", "requestsByKind",
                "emptyPollFraction", "wakeLatencyMs", "jobs");
        assertThat(first.get("wakeLatencyMs").fieldNames()).toIterable()
                .contains("mean", "p50", "p90", "p99", "p999", "max");
        assertThat(first.get("jobs").fieldNames()).toIterable().contains("arrived", "picked", "stranded");
        assertThat(first.get("requestsPerDay").asDouble()).isEqualTo(34_560.0 - first.get("saturatedTicks").asDouble());
    }

    @Test
    void tableShouldMarkTheBestValueOfEachCostColumn() {
        String table = new TableReport().render(report());
        assertThat(table).contains("req/day", "p99 (s)", "* best (lowest) in its column");
        String fixed60 = table.lines().filter(l -> l.startsWith("fixed-60s")).findFirst().orElseThrow();
        String fixed = table.lines().filter(l -> l.startsWith("fixed ")).findFirst().orElseThrow();
        assertThat(fixed60.split("\\s+")[1]).endsWith("*");
        assertThat(fixed.split("\\s+")[3]).endsWith("*");
    }

    @Test
    void neitherAPolicyThatStrandsJobsNorTheOracleShouldBeMarkedBest() {
        Scenario s = new ScenarioLoader().parse(String.join("\n",
                "name: stranding", "days: 1", "seed: 7",
                "workload: {kind: poisson, ratePerHour: 4}",
                "policies:", "  fixed: {interval: 10s}", "  hibernate: {}", "  oracle: {}", ""), "stranding.yaml");
        RunReport r = new ScenarioRunner(1).run(s,
                new PolicySelection(BuiltinPolicies.catalogue()).select(s, List.of(), List.of()));
        String table = new TableReport().render(r);
        String hibernate = table.lines().filter(l -> l.startsWith("hibernate")).findFirst().orElseThrow();
        String fixed = table.lines().filter(l -> l.startsWith("fixed")).findFirst().orElseThrow();
        String oracle = table.lines().filter(l -> l.startsWith("oracle")).findFirst().orElseThrow();
        assertThat(oracle).doesNotContain("*");
        // hibernate suspends and never sees remote work: the fewest requests, every job stranded.
        assertThat(r.results().get(1).requestsPerDay()).isLessThan(r.results().get(0).requestsPerDay());
        assertThat(hibernate).doesNotContain("*");
        assertThat(fixed.split("\\s+")[1]).endsWith("*");
        assertThat(table).contains("stranded (jobs)",
                "* best (lowest) in its column among the policies that stranded the fewest jobs, the oracle (a lower"
                        + " bound) aside; - no job picked up");
    }
}
