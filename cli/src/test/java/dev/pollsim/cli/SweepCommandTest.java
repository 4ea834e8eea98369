package dev.pollsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {

    private static final String[] SMALL = {"sweep", "--scenario", "steady", "--days", "1",
        "--grid", "exp-idle.cap=30s,2m", "--grid", "exp-idle.multiplier=1.5,2", "--replications", "3"};

    @TempDir
    Path dir;

    private static String[] with(String[] base, String... more) {
        String[] all = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void helpShouldPrintCleanlyForBothCommands() {
        // picocli warns on standard error itself when a description is not a valid format
        java.io.PrintStream before = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            for (String command : new String[] {"sweep", "tune"}) {
                Cli r = Cli.run(command, "--help");
                assertThat(r.exitCode()).isZero();
                assertThat(r.err()).isEmpty();
                assertThat(r.out()).contains("95% ", "(0.05 = ±5%)", "--replications=N", "--threads=N");
                if (command.equals("sweep")) {
                    assertThat(r.out()).contains("--engine=ENGINE", "--master=URL");
                }
            }
        } finally {
            System.setErr(before);
        }
        assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aSweepOverPartOfATraceShouldSaySoOnStandardError() throws IOException {
        // four jobs over 1h 2m 10s; from 23h 30m on, the last one falls in day 2 of a 1-day sweep
        Files.writeString(dir.resolve("jobs.csv"), "when\n2024-11-15 16:57:50\n2024-11-15 16:57:50\n"
                + "2024-11-15 16:58:10.5\n2024-11-15 18:00:00\n", StandardCharsets.UTF_8);
        Path scenario = dir.resolve("replay.yaml");
        Files.writeString(scenario, "name: replay\nworkload: {kind: trace, file: jobs.csv, timestamp: {column: when},"
                + " offset: 1410m}\npolicies:\n  fixed: {}\n", StandardCharsets.UTF_8);
        Cli cut = Cli.run("sweep", "--scenario", scenario.toString(), "--days", "1", "--no-progress");
        assertThat(cut.exitCode()).as(cut.err()).isZero();
        assertThat(cut.err()).startsWith("pollsim: warning: trace ").contains("jobs.csv spans 2 days and the run 1:"
                + " its arrivals after day 1 were not replayed");
        assertThat(Cli.run("sweep", "--scenario", scenario.toString(), "--no-progress").err()).isEmpty();
    }

    @Test
    void shouldPrintByteIdenticalJsonOnOneThreadAndOnFour() {
        Cli one = Cli.run(with(SMALL, "--format", "json", "--threads", "1"));
        Cli four = Cli.run(with(SMALL, "--format", "json", "--threads", "4"));
        assertThat(one.exitCode()).isZero();
        assertThat(one.err()).isEmpty();
        assertThat(four.out()).isEqualTo(one.out());
    }

    @Test
    void everyCellsCommandShouldReproduceItsResultAlone() throws IOException {
        Cli sweep = Cli.run(with(SMALL, "--format", "json"));
        JsonNode root = new ObjectMapper().readTree(sweep.out());
        JsonNode point = root.get("points").get(3);
        assertThat(point.get("grid").toString()).isEqualTo("{\"cap\":\"2m\",\"multiplier\":\"2\"}");
        JsonNode cell = point.get("cells").get(2);
        String command = cell.get("command").asText();
        assertThat(command).startsWith("pollsim run --scenario steady --policy exp-idle --days 1 --seed "
                + cell.get("seed").asLong() + " --set exp-idle.cap=2m --set exp-idle.multiplier=2");
        List<String> args = new ArrayList<>(Arrays.asList(command.substring("pollsim ".length()).split(" ")));
        args.addAll(List.of("--format", "json"));
        Cli alone = Cli.run(args.toArray(String[]::new));
        assertThat(alone.exitCode()).isZero();
        JsonNode run = new ObjectMapper().readTree(alone.out());
        assertThat(run.get("seed").asLong()).isEqualTo(cell.get("seed").asLong());
        assertThat(run.get("results").get(0)).isEqualTo(cell.get("result"));
        assertThat(point.get("params")).isEqualTo(run.get("results").get(0).get("params"));
    }

    @Test
    void shouldPrintEachPointWithIntervalsAndTheFrontierBesideTheOracle() {
        Cli r = Cli.run(SMALL);
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("sweep · 5 points · 3 replications each", "scenario steady · seed 7 · 1 day",
                "#0 exp-idle cap=30s multiplier=1.5", " ± ", "frontier · requests/day against p99 wake latency",
                "#4 oracle (lower bound)", "pollsim run --scenario steady --policy exp-idle --days 1 --seed 7");
    }

    @Test
    void oneReplicationShouldShowNoInterval() throws IOException {
        Cli r = Cli.run("sweep", "--scenario", "idle", "--days", "1", "--grid", "fixed.interval=10s", "--replications",
                "1", "--format", "json");
        JsonNode m = new ObjectMapper().readTree(r.out()).get("points").get(0).get("metrics").get("requestsPerDay");
        assertThat(m.get("mean").asDouble()).isEqualTo(17_280.0); // 8,640 ticks of 2 requests
        assertThat(m.get("halfWidth").isNull()).isTrue();
        assertThat(m.get("n").asInt()).isEqualTo(1);
    }

    @Test
    void shouldWriteCsvAndTheFrontierChart() throws IOException {
        Path csv = dir.resolve("sweep.csv");
        Path charts = dir.resolve("charts");
        Cli r = Cli.run(with(SMALL, "--format", "csv", "--out", csv.toString(), "--chart", charts.toString()));
        assertThat(r.exitCode()).isZero();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).startsWith("point,scenario,days,policy,policyName,lowerBound,onFrontier,grid,params,"
                + "replications,seeds,requestsPerDay_mean,requestsPerDay_halfWidth,");
        assertThat(Files.readString(charts.resolve("frontier-steady.svg"), StandardCharsets.UTF_8))
                .startsWith("<?xml").contains("<svg", "Pareto frontier", "oracle (lower bound)");
        assertThat(Files.size(charts.resolve("frontier-steady.png"))).isPositive();
        String page = Files.readString(charts.resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<svg", "Pareto frontier", "(lower bound)",
                "href=\"frontier-steady.svg\"", "pollsim run --scenario steady");
    }

    @Test
    void theSequentialModeShouldReportItsRule() throws IOException {
        Cli r = Cli.run("sweep", "--scenario", "idle", "--days", "1", "--grid", "fixed.interval=10s,20s",
                "--replications", "2", "--target-half-width", "0.05", "--max-replications", "6", "--format", "json");
        assertThat(r.exitCode()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("replications").toString()).isEqualTo("{\"initial\":2,\"sequential\":true,"
                + "\"targetHalfWidth\":0.05,\"targetMetrics\":[\"requestsPerDay\",\"wakeLatencyMs.p99\"],\"max\":6,"
                + "\"confidence\":0.95}");
        // nothing arrives and fixed costs the same every day: the first round meets the target
        assertThat(root.get("points").get(0).get("replications").asInt()).isEqualTo(2);
    }

    @Test
    void badInputShouldExitTwoWithOneLineNamingTheOptionAndValue() {
        assertError(Cli.run("sweep", "--grid", "exp-idle.cap"),
                "pollsim: --grid exp-idle.cap: expected LABEL.PARAM=V1,V2,..., such as exp-idle.cap=30s,60s,120s\n");
        assertError(Cli.run("sweep", "--grid", "exp-idle.cap=30s,0s"),
                "pollsim: --grid exp-idle.cap=0s: policies.exp-idle.cap: must be at least 1us, got 0s\n");
        assertError(Cli.run("sweep", "--policy", "fixed", "--grid", "exp-idle.cap=30s"),
                "pollsim: --grid exp-idle.cap=30s: no policy labelled 'exp-idle' in this sweep; labels are fixed\n");
        assertError(Cli.run("sweep", "--grid", "exp-idle.turbo=1"),
                "pollsim: --grid exp-idle.turbo=1: policies.exp-idle.turbo: unknown parameter 'turbo'; expected one of"
                        + " interval, multiplier, cap, deadlineFloor, rateLimitFloor, errorCap\n");
        assertError(Cli.run("sweep", "--scenario", "nope"),
                "pollsim: --scenario: no file or preset named 'nope'; presets are default, idle, steady, bursty,"
                        + " five-daemons, scale-to-zero, burst\n");
        assertError(Cli.run("sweep", "--replications", "0"), "pollsim: --replications must be at least 1, got 0\n");
        assertError(Cli.run("sweep", "--target-half-width", "0.05", "--replications", "1"),
                "pollsim: --replications must be at least 2 with --target-half-width: one value has no interval, got 1\n");
        assertError(Cli.run("sweep", "--target-half-width", "0.05", "--target-metric", "speed"),
                "pollsim: --target-metric speed: unknown metric 'speed'; expected one of requestsPerDay,"
                        + " requestsByKind.emptyPoll, requestsByKind.workPoll, requestsByKind.dequeue, requestsByKind.error,"
                        + " requestsByKind.heartbeat, emptyPollFraction, wakeLatencyMs.mean, wakeLatencyMs.p50,"
                        + " wakeLatencyMs.p90, wakeLatencyMs.p99, wakeLatencyMs.p999, wakeLatencyMs.max,"
                        + " wakeLatencyMs.count, timeToStartMs.mean, timeToStartMs.p50, timeToStartMs.p90,"
                        + " timeToStartMs.p99, timeToStartMs.p999, timeToStartMs.max, timeToStartMs.count, rampTimeMs,"
                        + " jobs.arrived, jobs.retried, jobs.picked, jobs.stranded, jobs.completed, jobs.failed,"
                        + " jobs.pendingRetry, upstream.rateLimited, upstream.serverErrors, upstream.coldStartsPerDay,"
                        + " upstream.warmHoursPerDay, loops.ticks, loops.saturatedTicks, loops.suspends, loops.wakes,"
                        + " loops.restarts, loops.maxOverdueMs, requests\n");
        assertError(Cli.run("sweep", "--threads", "0"), "pollsim: --threads must be at least 1, got 0\n");
        assertError(Cli.run("sweep", "--days", "0"), "pollsim: --days: days must be between 1 and 36500, got 0\n");
        Cli picocli = Cli.run("sweep", "--replications", "many");
        assertThat(picocli.exitCode()).isEqualTo(2);
        assertThat(picocli.err()).startsWith("Invalid value for option '--replications': 'many' is not an int");
    }

    private static void assertError(Cli r, String err) {
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(err);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void theLocalEngineNamedShouldPrintTheSameBytesAsTheDefault() {
        Cli plain = Cli.run(with(SMALL, "--format", "csv"));
        Cli local = Cli.run(with(SMALL, "--format", "csv", "--engine", "local", "--threads", "2"));
        assertThat(local.exitCode()).isZero();
        assertThat(local.out()).isEqualTo(plain.out());
    }

    @Test
    void theSparkEngineWithoutSparkOnTheClassPathShouldSayHowToRunIt() {
        Cli r = Cli.run(with(SMALL, "--engine", "spark", "--master", "local[2]"));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("pollsim: --engine spark: this class path has no Spark engine; run it with"
                + " scripts/pollsim-spark sweep ... (Spark from $SPARK_HOME or the build), or spark-submit --class"
                + " dev.pollsim.spark.SparkMain pollsim-spark.jar sweep ... (docs/SCALE.md)")
                .doesNotContain("\tat ");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void engineOptionsThatDoNotApplyShouldBeRefused() {
        assertThat(Cli.run(with(SMALL, "--master", "local[2]")).err())
                .isEqualTo("pollsim: --master needs --engine spark" + System.lineSeparator());
        Cli threads = Cli.run(with(SMALL, "--engine", "spark", "--threads", "2"));
        assertThat(threads.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(threads.err()).startsWith("pollsim: --threads applies to --engine local;");
        Cli unknown = Cli.run(with(SMALL, "--engine", "flink"));
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(unknown.err()).isEqualTo("pollsim: --engine flink: no such engine; expected local or spark"
                + System.lineSeparator());
    }
}
