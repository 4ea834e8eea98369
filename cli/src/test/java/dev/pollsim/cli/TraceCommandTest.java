package dev.pollsim.cli;

import dev.pollsim.policy.builtin.BuiltinPolicies;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceCommandTest {

    @TempDir
    Path dir;

    private static String fixture(String name) {
        try {
            return Path.of(TraceCommandTest.class.getResource("/traces/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertInputError(Cli r, String message) {
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("pollsim: ").contains(message)
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void runShouldReplayATraceThroughEveryPolicyForItsOwnDays() throws IOException {
        Cli r = Cli.run("run", "--trace", fixture("small.csv"), "--timestamp-column", "when",
                "--service-column", "svc", "--format", "json");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("scenario").asText()).isEqualTo("small");
        assertThat(root.get("days").asInt()).isEqualTo(1);
        assertThat(root.get("results")).hasSize(BuiltinPolicies.catalogue().withDefaults().size()).allSatisfy(p -> {
            assertThat(p.get("jobs").get("arrived").asLong()).isEqualTo(4);
            assertThat(p.get("jobs").get("picked").asLong() + p.get("jobs").get("stranded").asLong()).isEqualTo(4);
        });
        Cli again = Cli.run("run", "--trace", fixture("small.csv"), "--timestamp-column", "when",
                "--service-column", "svc", "--format", "json");
        assertThat(again.out()).isEqualTo(r.out());
    }

    @Test
    void runShouldTakeTheTransformations() throws IOException {
        Cli r = Cli.run("run", "--trace", fixture("small.csv"), "--timestamp-column", "when", "--days", "2",
                "--repeat", "--scale", "0.5", "--offset", "1m", "--format", "json", "--policy", "fixed");
        assertThat(r.exitCode()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        // span 1h 2m 10s scaled to 31m 5s, repeating every 32 minutes from minute 1: 90 passes start
        // within 2 days (2,880 min), and the last one's final job (minute 2,880.08) falls past the end
        assertThat(root.get("results").get(0).get("jobs").get("arrived").asLong()).isEqualTo(90L * 4 - 1);
    }

    @Test
    void aRunShorterThanItsTraceShouldSaySoOnStandardErrorAndInItsJson() throws IOException {
        // small.csv spans 1h 2m 10s; from 23h 30m on, its last job falls in day 2
        Cli cut = Cli.run("run", "--trace", fixture("small.csv"), "--timestamp-column", "when", "--offset", "1410m",
                "--days", "1", "--policy", "fixed", "--format", "json");
        assertThat(cut.exitCode()).isZero();
        String words = "small.csv spans 2 days and the run 1: its arrivals after day 1 were not replayed"
                + " (give --days 2, or leave days out, to replay it all)";
        assertThat(cut.err()).startsWith("pollsim: warning: trace ").contains(words);
        JsonNode cutJson = new ObjectMapper().readTree(cut.out());
        assertThat(cutJson.get("warnings")).hasSize(1);
        assertThat(cutJson.get("warnings").get(0).asText()).startsWith("trace ").endsWith(words);
        assertThat(cutJson.get("results").get(0).get("jobs").get("arrived").asLong()).isEqualTo(3);
        Cli whole = Cli.run("run", "--trace", fixture("small.csv"), "--timestamp-column", "when", "--offset", "1410m",
                "--policy", "fixed", "--format", "json");
        assertThat(whole.err()).isEmpty();
        JsonNode wholeJson = new ObjectMapper().readTree(whole.out());
        assertThat(wholeJson.get("warnings")).isEmpty();
        assertThat(wholeJson.get("results").get(0).get("jobs").get("arrived").asLong()).isEqualTo(4);
        // a repeating trace replays until the run stops: nothing is cut
        assertThat(Cli.run("run", "--trace", fixture("small.csv"), "--timestamp-column", "when", "--repeat",
                "--days", "1", "--policy", "fixed").err()).isEmpty();
    }

    @Test
    void badTracesShouldExitTwoWithOneLineNamingTheProblem() {
        assertInputError(Cli.run("run", "--trace", fixture("malformed.csv")),
                "malformed.csv:3: column 'timestamp': expected a time such as 2024-11-15 16:57:50 or"
                        + " 2024-11-15 16:57:50.6805900, got 'not a time'");
        assertInputError(Cli.run("run", "--trace", fixture("unsorted.csv")),
                "unsorted.csv:3: column 'timestamp': 2024-01-01T00:00:01.000000Z is earlier than line 2's");
        assertInputError(Cli.run("run", "--trace", fixture("empty.csv")), "empty.csv: the file is empty");
        assertInputError(Cli.run("run", "--trace", fixture("small.csv")), "no timestamp column 'timestamp';"
                + " the header has 'when', 'svc'");
        assertInputError(Cli.run("run", "--trace", "no-such.csv"), "no trace file 'no-such.csv'");
        assertInputError(Cli.run("run", "--trace", fixture("small.csv"), "--sample", "0"), "sample must be");
        assertThat(Cli.run("run", "--trace", fixture("unsorted.csv"), "--sort").exitCode()).isZero();
    }

    @Test
    void statsShouldCountArrivalsGapsAndEqualTimestamps() throws IOException {
        Cli r = Cli.run("trace", "stats", fixture("small.csv"), "--timestamp-column", "when", "--format", "json");
        assertThat(r.exitCode()).isZero();
        JsonNode s = new ObjectMapper().readTree(r.out());
        assertThat(s.get("arrivals").asLong()).isEqualTo(4);
        assertThat(s.get("first").asText()).isEqualTo("2024-11-15T16:57:50.000000Z");
        assertThat(s.get("spanMs").asText()).isEqualTo("3730000");
        assertThat(s.get("equalTimestamps").get("arrivals").asLong()).isEqualTo(1);
        assertThat(s.get("arrivalsByHourOfDay").get(16).asLong()).isEqualTo(3);
        assertThat(s.get("arrivalsByHourOfDay").get(18).asLong()).isEqualTo(1);
        Cli text = Cli.run("trace", "stats", fixture("small.csv"), "--timestamp-column", "when");
        assertThat(text.out()).contains("arrivals 4", "idle gap", "equal timestamps: 1");
    }

    @Test
    void genThenConvertThenStatsShouldKeepEveryArrival() throws IOException {
        Path gen = dir.resolve("gen.csv");
        Cli g = Cli.run("trace", "gen", "--workload", "steady", "--days", "1", "--out", gen.toString());
        assertThat(g.exitCode()).isZero();
        long rows = Files.readAllLines(gen, StandardCharsets.UTF_8).size() - 1;
        assertThat(g.err()).contains("wrote " + String.format(java.util.Locale.ROOT, "%,d", rows) + " arrivals");
        Path jsonl = dir.resolve("gen.jsonl");
        Cli c = Cli.run("trace", "convert", gen.toString(), "--service-column", "service_s", "--out", jsonl.toString());
        assertThat(c.exitCode()).isZero();
        Path perMinute = dir.resolve("gen-minutes.csv");
        assertThat(Cli.run("trace", "convert", jsonl.toString(), "--to", "per-minute", "--out",
                perMinute.toString()).exitCode()).isZero();
        Cli s = Cli.run("trace", "stats", perMinute.toString(), "--trace-format", "per-minute", "--format", "json");
        assertThat(new ObjectMapper().readTree(s.out()).get("arrivals").asLong()).isEqualTo(rows);
        Cli replay = Cli.run("run", "--scenario", "steady", "--trace", gen.toString(), "--service-column", "service_s",
                "--format", "json");
        Cli synthetic = Cli.run("run", "--scenario", "steady", "--days", "1", "--format", "json");
        JsonNode a = new ObjectMapper().readTree(replay.out()).get("results").get(0).get("jobs");
        JsonNode b = new ObjectMapper().readTree(synthetic.out()).get("results").get(0).get("jobs");
        assertThat(a.get("arrived")).isEqualTo(b.get("arrived"));
    }

    @Test
    void traceShouldListItsSubcommands() {
        Cli r = Cli.run("trace");
        assertThat(r.out()).contains("stats", "gen", "convert");
        assertThat(Cli.run("--help").out()).contains("trace");
    }
}
