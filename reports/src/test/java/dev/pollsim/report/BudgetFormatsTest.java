package dev.pollsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pollsim.policy.builtin.BuiltinPolicies;
import dev.pollsim.report.budget.Baseline;
import dev.pollsim.report.budget.BudgetCheck;
import dev.pollsim.report.budget.BudgetTable;
import dev.pollsim.report.budget.Budgets;
import dev.pollsim.report.budget.CheckReport;
import dev.pollsim.report.budget.CheckResults;
import dev.pollsim.report.budget.JUnitXmlReport;
import dev.pollsim.report.budget.MarkdownBudgetReport;
import dev.pollsim.sim.run.ScenarioRunner;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The reports of {@code pollsim check}, sealed by golden files: one pass, one failure over a
 * limit, one within tolerance, one regression, a zero limit, a latency with no job picked up, and
 * baseline entries missing at every level. Tests run under a Turkish default locale.
 */
class BudgetFormatsTest {

    private static final String BUDGETS = String.join("\n",
            "tolerance: 5%",
            "regression: 10%",
            "budgets:",
            "  - scenario: burst",
            "    policies:",
            "      batched-1:",
            "        wakeLatency: {p99: 30s, max: 40s}",
            "      fixed:",
            "        requestsPerDay: 8200",
            "        wakeLatency: {max: 4s}",
            "      exp-idle:",
            "        requestsPerDay: 1000",
            "        rateLimited: 0",
            "  - scenario: idle",
            "    name: \"quiet | <night> & 'day'\"",
            "    policies:",
            "      oracle: {requestsPerDay: 0, wakeLatency: {p99: 1s}}",
            "      hibernate: {requestsPerDay: 150, warmHoursPerDay: 1}",
            "");

    private static final String BASELINE = String.join("\n",
            "{\"runs\": [{\"scenario\": \"burst\", \"seed\": 4, \"days\": 1, \"daemons\": 1, \"results\": [",
            "  {\"policy\": \"fixed\", \"requestsPerDay\": 8521, \"wakeLatencyMs\": {\"max\": null}},",
            "  {\"policy\": \"exp-idle\", \"requestsPerDay\": 600, \"jobs\": {\"stranded\": 0}}",
            "]}]}");

    private static BudgetCheck.Outcome check(Baseline baseline) {
        return new BudgetCheck(BuiltinPolicies.catalogue(), new ScenarioRunner(2))
                .check(Budgets.parse(BUDGETS, "golden-budgets.yaml"), baseline);
    }

    private static CheckReport withBaseline() {
        return check(Baseline.parse(BASELINE, "baseline.json")).report();
    }

    @Test
    void theTableShouldMatchItsGoldenFile() throws IOException {
        Golden.assertMatches("check.txt", new BudgetTable().render(withBaseline()));
    }

    @Test
    void theTableWithoutABaselineShouldMatchItsGoldenFile() throws IOException {
        Golden.assertMatches("check-plain.txt", new BudgetTable().render(check(Baseline.NONE).report()));
    }

    @Test
    void junitXmlShouldMatchItsGoldenFile() throws IOException {
        Golden.assertMatches("check.xml", new JUnitXmlReport().render(withBaseline()));
    }

    @Test
    void markdownShouldMatchItsGoldenFile() throws IOException {
        Golden.assertMatches("check.md", new MarkdownBudgetReport().render(withBaseline()));
    }

    @Test
    void theSameCheckShouldGiveTheSameBytes() {
        CheckReport a = withBaseline();
        CheckReport b = withBaseline();
        assertThat(new BudgetTable().render(a)).isEqualTo(new BudgetTable().render(b));
        assertThat(new JUnitXmlReport().render(a)).isEqualTo(new JUnitXmlReport().render(b));
        assertThat(new MarkdownBudgetReport().render(a)).isEqualTo(new MarkdownBudgetReport().render(b));
    }

    @Test
    void junitXmlShouldBeWellFormedWithOneTestCasePerRule() throws Exception {
        CheckReport report = withBaseline();
        byte[] xml = new JUnitXmlReport().render(report).getBytes(StandardCharsets.UTF_8);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        NodeList cases = doc.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(report.rules().size());
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            names.add(((Element) cases.item(i)).getAttribute("name"));
        }
        assertThat(names).contains("burst / batched-1 / wakeLatency.p99", "quiet | <night> & 'day' / oracle / requestsPerDay");
        NodeList failures = doc.getElementsByTagName("failure");
        assertThat(failures.getLength()).isEqualTo(report.broken().size()).isEqualTo(2);
        Element first = (Element) failures.item(0);
        assertThat(((Element) first.getParentNode()).getAttribute("name")).isEqualTo("burst / batched-1 / wakeLatency.p99");
        assertThat(first.getAttribute("message")).isEqualTo(
                "wakeLatency.p99 36.61s is over the limit 30s and its 5% tolerance (31.5s), margin -22.0%");
        assertThat(first.getTextContent()).contains("value: 36.61s", "limit: 30s", "margin: -22.0%");
        assertThat(((Element) failures.item(1)).getAttribute("type")).isEqualTo("regression");
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("2");
    }

    @Test
    void checkResultsShouldBeReadBackAsABaselineWithNoChange() {
        BudgetCheck.Outcome first = check(Baseline.NONE);
        String json = new CheckResults().render(first.runs());
        assertThat(json).startsWith("{\n  \"runs\" : [ {\n    \"scenario\" : \"burst\"");
        CheckReport again = check(Baseline.parse(json, "results.json")).report();
        assertThat(again.withoutBaseline()).isZero();
        assertThat(again.rules()).allSatisfy(r -> assertThat(r.comparison() == null
                || r.comparison().changePercent() == null || r.comparison().changePercent().signum() == 0).isTrue());
        assertThat(again.broken()).extracting(r -> r.verdict().text()).containsOnly("FAIL");
    }
}
