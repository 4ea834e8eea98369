package dev.pollsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

    @TempDir
    Path dir;

    @Test
    void shouldCompareEveryPolicyOnTheDefaultScenario() {
        Cli r = Cli.run("run");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("scenario default", "req/day", "wake mean (s)", "p99 (s)");
        assertThat(r.out().lines().filter(l -> l.startsWith("fixed ") || l.startsWith("exp-idle "))).hasSize(2);
        assertThat(r.out()).contains("hibernate", "idle-streak", "gastown", "batched", "oracle");
    }

    @Test
    void shouldPrintStableJsonForTheSameSeed() throws IOException {
        Cli a = Cli.run("run", "--scenario", "steady", "--days", "1", "--policy", "fixed,exp-idle", "--format", "json");
        Cli b = Cli.run("run", "--scenario", "steady", "--days", "1", "--policy", "fixed,exp-idle", "--format", "json");
        assertThat(a.exitCode()).isZero();
        assertThat(a.out()).isEqualTo(b.out());
        JsonNode root = new ObjectMapper().readTree(a.out());
        assertThat(root.get("scenario").asText()).isEqualTo("steady");
        assertThat(root.get("days").asInt()).isEqualTo(1);
        assertThat(root.get("results")).hasSize(2);
        Cli other = Cli.run("run", "--scenario", "steady", "--days", "1", "--policy", "fixed,exp-idle", "--seed", "8",
                "--format", "json");
        assertThat(other.out()).isNotEqualTo(a.out());
    }

    @Test
    void shouldApplySetAndPolicyAndWriteToAFile() throws IOException {
        Path out = dir.resolve("sub/r.csv");
        Cli r = Cli.run("run", "--scenario", "idle", "--policy", "fixed", "--set", "fixed.interval=20s",
                "--format", "csv", "--out", out.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEmpty();
        String csv = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(csv.lines()).hasSize(2);
        assertThat(csv).contains("fixed,fixed,8640,").contains("interval=20s");
    }

    @Test
    void shouldRunAScenarioFile() throws IOException {
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, "workload: {kind: burst, count: 3, at: 1h}\ndays: 1\npolicies:\n  slow: {policy: fixed, interval: 1m}\n");
        Cli r = Cli.run("run", "--scenario", file.toString(), "--format", "json");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("\"scenario\" : \"mine\"", "\"policy\" : \"slow\"", "\"arrived\" : 3");
    }

    @Test
    void shouldRefuseBadInputWithOneLineAndExitTwo() throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "workload:\n  kind: poisson\n  ratePerHour: 3\nfleet:\n  daemonz: 2\n");
        Cli r = Cli.run("run", "--scenario", file.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("pollsim: " + file + ":5:3: fleet: unknown field 'daemonz'; expected one of daemons,"
                + " maxConcurrent, origin, queue, requestsPerTick, startPhases, tickLatency\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void shouldExitTwoOnUnknownPresetPolicyOrParameter() {
        assertThat(Cli.run("run", "--scenario", "nope").err())
                .startsWith("pollsim: --scenario: no file or preset named 'nope'; presets are default");
        Cli p = Cli.run("run", "--policy", "turbo");
        assertThat(p.exitCode()).isEqualTo(2);
        assertThat(p.err()).contains("unknown policy 'turbo'").doesNotContain("Exception").doesNotContain("\tat ");
        Cli s = Cli.run("run", "--set", "exp-idle.cap=forever");
        assertThat(s.exitCode()).isEqualTo(2);
        assertThat(s.err()).contains("policies.exp-idle.cap: expected a duration");
        Cli f = Cli.run("run", "--format", "xml");
        assertThat(f.exitCode()).isEqualTo(2);
        Cli d = Cli.run("run", "--days", "0");
        assertThat(d.exitCode()).isEqualTo(2);
        assertThat(d.err()).contains("days must be between 1 and");
    }

    @Test
    void shouldNeverDrawAProgressBarWhenOutputIsNotATerminal() {
        Cli r = Cli.run("run", "--scenario", "steady", "--days", "30", "--policy", "fixed,exp-idle");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        Cli quiet = Cli.run("run", "--scenario", "steady", "--days", "1", "--no-progress", "--format", "csv");
        assertThat(quiet.exitCode()).isZero();
        assertThat(quiet.err()).isEmpty();
        // the tests' JVM writes to pipes: on any JDK, whether or not it gives a console object
        assertThat(ProgressBar.onTerminal()).isFalse();
    }

    @Test
    void fastForwardShouldChangeNoByteOfTheOutput() {
        Cli fast = Cli.run("run", "--scenario", "default", "--days", "2", "--format", "json", "--series");
        Cli step = Cli.run("run", "--scenario", "default", "--days", "2", "--format", "json", "--series", "--no-fast-forward");
        assertThat(fast.exitCode()).isZero();
        assertThat(step.out()).isEqualTo(fast.out());
    }
}
