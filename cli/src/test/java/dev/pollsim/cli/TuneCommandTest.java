package dev.pollsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TuneCommandTest {

    private static final String[] FIXED = {"tune", "--scenario", "steady", "--days", "1", "--policy", "fixed",
        "--over", "interval=2s..2m", "--budget", "requestsPerDay<=2880", "--evaluations", "16", "--replications", "2"};

    private static String[] with(String... more) {
        String[] all = Arrays.copyOf(FIXED, FIXED.length + more.length);
        System.arraycopy(more, 0, all, FIXED.length, more.length);
        return all;
    }

    @Test
    void shouldPrintTheBestSettingWithItsIntervalsAndHowToRerunIt() {
        Cli r = Cli.run(FIXED);
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("tune fixed · scenario steady · seed 7 · 1 day", "minimize wakeLatencyMs.p99"
                + " subject to requestsPerDay<=2880", "over interval=2s..2m (log)", "evaluated 16 settings: 8 by CMA-ES,"
                + " 8 refining", "best: interval=", "budget <= 2880, met", "objective", " ± ",
                "pollsim sweep --scenario steady --policy fixed --days 1 --seed 7 --replications 2 --set fixed.interval=",
                "pollsim run --scenario steady --policy fixed --days 1 --seed 7 --set fixed.interval=");
    }

    @Test
    void theBestSettingsSweepCommandShouldReproduceItsMeansAndIntervals() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode tuned = json.readTree(Cli.run(with("--format", "json")).out());
        assertThat(tuned.get("feasible").asBoolean()).isTrue();
        assertThat(tuned.get("evaluations").asInt()).isEqualTo(16);
        String command = tuned.get("best").get("command").asText();
        List<String> args = new ArrayList<>(Arrays.asList(command.substring("pollsim ".length()).split(" ")));
        args.addAll(List.of("--format", "json"));
        JsonNode swept = json.readTree(Cli.run(args.toArray(String[]::new)).out());
        assertThat(swept.get("points").get(0).get("metrics")).isEqualTo(tuned.get("best").get("metrics"));
        assertThat(tuned.get("best").get("metrics").get("requestsPerDay").get("mean").asDouble())
                .isLessThanOrEqualTo(2880);
    }

    @Test
    void shouldPrintTheSameBytesOnAnyThreadCount() {
        Cli one = Cli.run(with("--format", "json", "--threads", "1"));
        Cli three = Cli.run(with("--format", "json", "--threads", "3"));
        assertThat(one.exitCode()).isZero();
        assertThat(three.out()).isEqualTo(one.out());
    }

    @Test
    void shouldExitOneWhenNoSettingMeetsTheBudget() {
        Cli r = Cli.run("tune", "--scenario", "steady", "--days", "1", "--policy", "fixed", "--over", "interval=2s..20s",
                "--budget", "requestsPerDay<=100", "--evaluations", "10", "--replications", "1");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("NO SETTING MEETS THE BUDGET; closest: interval=", "budget <= 100, MISSED");
    }

    @Test
    void badInputShouldExitTwoWithOneLine() {
        assertError(Cli.run("tune", "--policy", "exp-idle", "--over", "base=5s..60s"),
                "pollsim: --over base=5s..60s: exp-idle has no parameter 'base'; its parameters are interval, multiplier,"
                        + " cap, deadlineFloor, rateLimitFloor, errorCap\n");
        assertError(Cli.run("tune", "--policy", "exp-idle", "--over", "cap=30s"),
                "pollsim: --over cap=30s: expected PARAM=LO..HI, such as cap=30s..600s\n");
        assertError(Cli.run("tune", "--policy", "exp-idle", "--over", "multiplier=0.5..3"),
                "pollsim: --over multiplier=0.5..3: multiplier: must be at least 1, got 0.5\n");
        assertError(Cli.run("tune", "--policy", "exp-idle", "--over", "cap=30s..1m", "--budget", "requestsPerDay=3"),
                "pollsim: --budget requestsPerDay=3: expected METRIC<=VALUE or METRIC>=VALUE, such as"
                        + " requestsPerDay<=3000\n");
        assertError(Cli.run("tune", "--policy", "turbo", "--over", "cap=30s..1m"),
                "pollsim: --policy: unknown policy 'turbo'; the scenario's labels are fixed, exp-idle, hibernate,"
                        + " hibernate-wake-suspended-only, hibernate-no-retry-wake, hibernate-lost-inflight-wake,"
                        + " hibernate-retry-wake-lost-on-restart, idle-streak, idle-streak-clamp-bug, gastown, batched,"
                        + " oracle; built-in policies are fixed, exp-idle, hibernate, hibernate-wake-suspended-only,"
                        + " hibernate-no-retry-wake, hibernate-lost-inflight-wake, hibernate-retry-wake-lost-on-restart,"
                        + " idle-streak, idle-streak-clamp-bug, gastown, batched, oracle, composed\n");
        Cli both = Cli.run("tune", "--policy", "fixed", "--over", "interval=1s..2s", "--minimize", "requestsPerDay",
                "--maximize", "requestsPerDay");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
        Cli missing = Cli.run("tune", "--policy", "fixed");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("Missing required option: '--over=PARAM=LO..HI,...'");
    }

    private static void assertError(Cli r, String err) {
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(err);
        assertThat(r.out()).isEmpty();
    }
}
