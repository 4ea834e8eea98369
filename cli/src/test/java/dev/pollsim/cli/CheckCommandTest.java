package dev.pollsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pollsim check}: exit 0 when every rule holds, 1 naming the broken rule, 2 on bad input. */
class CheckCommandTest {

    /** The budgets pollsim's own CI holds the built-in policies to (.ci/run). */
    private static final Path EXAMPLE = Path.of("../examples/budgets.yaml");

    /** A day of the default scenario: exp-idle makes 9,902 requests. */
    private static final String ONE_DAY = String.join("\n",
            "budgets:",
            "  - scenario: default",
            "    days: 1",
            "    policies:",
            "      exp-idle:",
            "        requestsPerDay: %s",
            "        wakeLatency: {p99: 2m}",
            "");

    @TempDir
    Path dir;

    private Path budgets(String yaml) throws IOException {
        Path file = dir.resolve("budgets.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void theExampleBudgetsShouldHoldToday() {
        Cli r = Cli.run("check", "--budgets", EXAMPLE.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(r.out()).contains("scenario default · seed 42 · 7 days · 5 daemons", "scenario idle",
                "scenario five-daemons", "scenario scale-to-zero", "scenario burst");
        assertThat(r.out()).contains("policy", "metric", "value", "limit", "margin", "verdict");
        assertThat(r.out()).doesNotContain("FAIL", "REGRESSION");
        assertThat(r.out().strip()).matches("(?s).*\\ncheck passed: all \\d+ rules hold$");
    }

    @Test
    void aBudgetOverPartOfATraceShouldSaySoOnStandardError() throws IOException {
        // four jobs over 1h 2m 10s; from 23h 30m on, the last one falls in day 2 of a 1-day check
        Files.writeString(dir.resolve("jobs.csv"), "when\n2024-11-15 16:57:50\n2024-11-15 16:57:50\n"
                + "2024-11-15 16:58:10.5\n2024-11-15 18:00:00\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("replay.yaml"), "name: replay\nworkload: {kind: trace, file: jobs.csv,"
                + " timestamp: {column: when}, offset: 1410m}\npolicies:\n  fixed: {}\n", StandardCharsets.UTF_8);
        Cli r = Cli.run("check", "--budgets", budgets("budgets:\n  - scenario: replay.yaml\n    days: 1\n"
                + "    policies:\n      fixed: {requestsPerDay: 100000}\n").toString());
        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(r.err()).startsWith("pollsim: warning: trace ").contains("jobs.csv spans 2 days and the run 1:"
                + " its arrivals after day 1 were not replayed");
    }

    @Test
    void aDeliberatelyBrokenBudgetShouldExitOneAndNameTheRule() throws IOException {
        Cli r = Cli.run("check", "--budgets", budgets(ONE_DAY.formatted("9000")).toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("exp-idle  requestsPerDay").contains("FAIL");
        assertThat(r.out()).contains("check failed: 1 of 3 rules broken\n"
                + "  default / exp-idle / requestsPerDay: 9,902 is over the limit 9,000");
    }

    @Test
    void shouldWriteJUnitXmlAndMarkdownEvenWhenARuleBreaks() throws IOException {
        Path junit = dir.resolve("reports/budgets.xml");
        Path markdown = dir.resolve("reports/budgets.md");
        Cli r = Cli.run("check", "--budgets", budgets(ONE_DAY.formatted("9000")).toString(),
                "--junit", junit.toString(), "--markdown", markdown.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        String xml = Files.readString(junit, StandardCharsets.UTF_8);
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"pollsim check\" tests=\"3\""
                + " failures=\"1\"");
        assertThat(xml).contains("<testcase classname=\"default.exp-idle\" name=\"default / exp-idle / requestsPerDay\"",
                "<failure type=\"budget\" message=\"requestsPerDay 9,902 is over the limit 9,000");
        String md = Files.readString(markdown, StandardCharsets.UTF_8);
        assertThat(md).startsWith("### ❌ pollsim check failed: 1 of 3 rules broken\n");
        assertThat(md).contains("| ❌ | default | exp-idle | `requestsPerDay` |", "| ✅ | default | exp-idle | `stranded` |");
    }

    @Test
    void aBaselineShouldFlagARegressionWithinBudget() throws IOException {
        Path results = dir.resolve("baseline.json");
        Cli before = Cli.run("check", "--budgets", budgets(ONE_DAY.formatted("15000")).toString(), "--results", results.toString());
        assertThat(before.exitCode()).isZero();
        assertThat(Files.readString(results, StandardCharsets.UTF_8)).contains("\"runs\" : [", "\"scenario\" : \"default\"");

        // A shorter backoff cap costs more requests (12,006): within the 15,000 budget, but 21% over the baseline.
        Path changed = budgets(ONE_DAY.formatted("15000").replace("    days: 1\n", "    days: 1\n    set: [exp-idle.cap=90s]\n"));
        Cli after = Cli.run("check", "--budgets", changed.toString(), "--baseline", results.toString());
        assertThat(after.exitCode()).as(after.out()).isEqualTo(1);
        assertThat(after.out()).contains("baseline", "change", "REGRESSION")
                .contains("  default / exp-idle / requestsPerDay: ")
                .contains("12,006 grew by 21.2% against the baseline 9,902, more than the 10% allowed");

        Cli same = Cli.run("check", "--budgets", budgets(ONE_DAY.formatted("15000")).toString(), "--baseline", results.toString());
        assertThat(same.exitCode()).isZero();
        assertThat(same.out()).contains("0.0%").doesNotContain("no baseline");
    }

    @Test
    void aRunsJsonShouldServeAsABaseline() throws IOException {
        Path run = dir.resolve("run.json");
        assertThat(Cli.run("run", "--scenario", "default", "--days", "1", "--policy", "exp-idle", "--format", "json",
                "--out", run.toString()).exitCode()).isZero();
        Cli r = Cli.run("check", "--budgets", budgets(ONE_DAY.formatted("15000")).toString(), "--baseline", run.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("exp-idle  requestsPerDay", "9,902", "0.0%").doesNotContain("no baseline");
    }

    @Test
    void badInputShouldExitTwoWithOneLineAndNoStackTrace() throws IOException {
        Path file = budgets("budgets:\n  - scenario: default\n    policies:\n      exp-idle: {requestsPerDay: lots}\n");
        Cli r = Cli.run("check", "--budgets", file.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("pollsim: " + file + ":4:34: budgets[0].policies.exp-idle.requestsPerDay: expected a"
                + " number such as 12000 or 2.5, got 'lots'\n");

        Cli label = Cli.run("check", "--budgets", budgets("budgets:\n  - scenario: idle\n    policies: {turbo: {}}\n").toString());
        assertThat(label.exitCode()).isEqualTo(2);
        assertThat(label.err()).contains(":3:16: budgets[0].policies.turbo: unknown policy 'turbo'")
                .doesNotContain("Exception").doesNotContain("\tat ");

        Cli missing = Cli.run("check", "--budgets", dir.resolve("none.yaml").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("pollsim: " + dir.resolve("none.yaml") + ": no such file\n");

        Path notJson = dir.resolve("b.json");
        Files.writeString(notJson, "not json");
        Cli baseline = Cli.run("check", "--budgets", budgets(ONE_DAY.formatted("15000")).toString(), "--baseline",
                notJson.toString());
        assertThat(baseline.exitCode()).isEqualTo(2);
        assertThat(baseline.err()).startsWith("pollsim: --baseline " + notJson + ":1:").contains("not JSON");

        assertThat(Cli.run("check").exitCode()).isEqualTo(2);
    }

    @Test
    void anUnwritableReportShouldExitTwo() throws IOException {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "x");
        Cli r = Cli.run("check", "--budgets", budgets(ONE_DAY.formatted("15000")).toString(), "--junit",
                blocker.resolve("junit.xml").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("pollsim: --junit " + blocker.resolve("junit.xml") + ": cannot write");
    }

    @Test
    void helpShouldListCheck() {
        assertThat(Cli.run("--help").out()).contains("check");
        Cli help = Cli.run("check", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--budgets", "--baseline", "--junit", "--markdown", "--results");
    }
}
