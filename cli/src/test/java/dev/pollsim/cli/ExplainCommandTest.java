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

class ExplainCommandTest {

    private static final String SMALL = String.join("\n",
            "name: small",
            "days: 1",
            "seed: 1",
            "workload: {kind: burst, count: 3, at: 25s, serviceTime: 20s}",
            "fleet: {daemons: 2, maxConcurrent: 2, requestsPerTick: 1, startPhases: aligned, origin: local}",
            "policies:",
            "  mine:",
            "    policy: composed",
            "    curve: {kind: exponential, floor: 10s, cap: 40s}",
            "    wakeOn: [localEnqueue]",
            "    suspendAfter: 1m",
            "");

    @TempDir
    Path dir;

    private Path small() throws IOException {
        Path file = dir.resolve("small.yaml");
        Files.writeString(file, SMALL);
        return file;
    }

    @Test
    void shouldPrintOneDaemonsTimelineAsText() throws IOException {
        Cli r = Cli.run("explain", "--scenario", small().toString(), "--policy", "mine", "--daemon", "1",
                "--from", "0s", "--to", "3m");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("explain mine (composed) · scenario small · seed 1 · daemon 1 · 00:00:00.000 to"
                + " 00:03:00.000\n");
        assertThat(r.out()).contains("00:00:00.000  worker  tick     found nothing  next 20s  (idle x2 (cap 40s))\n",
                "suspend  (suspend: idle 1m)\n");
    }

    @Test
    void shouldPrintJsonLinesToAFile() throws IOException {
        Path out = dir.resolve("t/timeline.jsonl");
        Cli r = Cli.run("explain", "--scenario", small().toString(), "--policy", "mine", "--to", "2m", "--format", "jsonl",
                "--out", out.toString(), "--set", "mine.curve.cap=20s");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEmpty();
        ObjectMapper mapper = new ObjectMapper();
        String[] lines = Files.readString(out, StandardCharsets.UTF_8).split("\n");
        JsonNode first = mapper.readTree(lines[0]);
        assertThat(first.get("event").asText()).isEqualTo("tick");
        assertThat(first.get("atUs").asLong()).isZero();
        assertThat(first.get("nextDelayUs").asLong()).isEqualTo(20_000_000L);
        assertThat(first.get("rule").asText()).isEqualTo("idle at cap 20s");
    }

    @Test
    void aSeedPresetAndAPolicyTheScenarioDoesNotListShouldWork() {
        Cli r = Cli.run("explain", "--scenario", "scale-to-zero", "--policy", "hibernate", "--from", "10h", "--to", "11h");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("worker-1", "reaper", "(lease: floor 1s, jitter -20%)");
    }

    @Test
    void badInputShouldExitTwoWithOneLine() throws IOException {
        String file = small().toString();
        assertInputError(Cli.run("explain", "--scenario", file), "Missing required option: '--policy=LABEL'");
        assertInputError(Cli.run("explain", "--scenario", file, "--policy", "mine", "--daemon", "2"),
                "pollsim: --daemon 2: the fleet has 2 daemons (0..1)");
        assertInputError(Cli.run("explain", "--scenario", file, "--policy", "mine", "--from", "soon"),
                "--from: expected a duration such as 250ms, 10s, 5m, 2h or 1d, got 'soon'");
        assertInputError(Cli.run("explain", "--scenario", file, "--policy", "mine", "--from", "2h", "--to", "1h"),
                "pollsim: --to 1h: the window must end after it starts (2h)");
        assertInputError(Cli.run("explain", "--scenario", file, "--policy", "mine", "--from", "2d"),
                "pollsim: --from 2d: the run lasts only 1d");
        assertInputError(Cli.run("explain", "--scenario", file, "--policy", "theirs"),
                "pollsim: --policy: unknown policy 'theirs'");
        assertInputError(Cli.run("explain", "--scenario", file, "--policy", "mine", "--set", "mine.curve.cap=5s"),
                "pollsim: --set mine.curve.cap=5s: policies.mine.curve.cap: cap (5s) is below floor (10s)");
    }

    private static void assertInputError(Cli r, String message) {
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void helpShouldListTheOptions() {
        Cli r = Cli.run("explain", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--scenario", "--policy", "--daemon", "--from", "--to", "--format", "--out",
                "--days", "--seed", "--set", "--limit");
        assertThat(Cli.run("--help").out()).contains("explain");
    }
}
