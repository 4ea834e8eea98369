package dev.pollsim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pollsim.cli.ExitCodes;
import dev.pollsim.cli.Main;
import dev.pollsim.report.SweepCsvReport;
import dev.pollsim.report.SweepJsonReport;
import dev.pollsim.report.SweepTableReport;
import dev.pollsim.sim.sweep.GridAxis;
import dev.pollsim.sim.sweep.Replications;
import dev.pollsim.sim.sweep.ScenarioRef;
import dev.pollsim.sim.sweep.SweepEngine;
import dev.pollsim.sim.sweep.SweepPlan;
import dev.pollsim.sim.sweep.SweepPoint;
import dev.pollsim.sim.sweep.SweepResult;
import dev.pollsim.sim.sweep.SweepRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The acceptance test of the Spark engine: the same sweep on {@code local[2]} and on the local
 * thread pool gives the same bytes in every format.
 */
class SparkSweepTest {

    @TempDir
    Path dir;

    /** Two grid values of exp-idle and the oracle bound, on the steady preset for one day. */
    private static List<SweepPoint> points() {
        return new SweepPlan(List.of(ScenarioRef.resolve("steady")), 1, null, List.of(), List.of(),
                List.of(GridAxis.parse("exp-idle.cap=30s,2m"))).points();
    }

    @Test
    void aSweepOnLocal2ShouldRenderTheSameBytesAsTheLocalSweepRoundAfterRound() {
        // sequential: 2 replications, then more in rounds until +-5% or 6, so several Spark jobs run
        Replications replications = new Replications(2, 0.05, 6, Replications.DEFAULT_TARGET_METRICS);
        SweepResult local = new SweepRunner(2).run(points(), replications, n -> {});
        SweepEngine engine = SweepEngine.named("spark");
        assertThat(engine).isInstanceOf(SparkSweepEngine.class);
        AtomicLong cells = new AtomicLong();
        SweepResult spark;
        try (SweepEngine.Session session = engine.start("local[2]")) {
            spark = new SweepRunner(session).run(points(), replications, cells::addAndGet);
        }
        int run = spark.points().stream().mapToInt(p -> p.replications()).sum();
        assertThat(run).isGreaterThan(2 * 3);
        assertThat(cells.get()).isEqualTo(run);
        assertThat(new SweepJsonReport().render(spark)).isEqualTo(new SweepJsonReport().render(local));
        assertThat(new SweepCsvReport().render(spark)).isEqualTo(new SweepCsvReport().render(local));
        assertThat(new SweepTableReport().render(spark)).isEqualTo(new SweepTableReport().render(local));
        assertThat(spark).isEqualTo(local);
    }

    @Test
    void sparkMainShouldWriteTheSameFilesAsPollsimSweep() throws Exception {
        String[] sweep = {"sweep", "--scenario", "idle", "--scenario", "steady", "--days", "1",
            "--grid", "fixed.interval=10s,1m", "--replications", "2", "--no-progress"};
        Path localJson = dir.resolve("local.json");
        Path sparkJson = dir.resolve("spark.json");
        Cli local = Cli.run(Main.commandLine(), with(sweep, "--format", "json", "--out", localJson.toString(),
                "--chart", dir.resolve("local").toString()));
        Cli spark = Cli.run(Main.commandLine(), withSparkMain(with(sweep, "--master", "local[2]", "--format", "json",
                "--out", sparkJson.toString(), "--chart", dir.resolve("spark").toString())));
        assertThat(local.exitCode()).isZero();
        assertThat(spark.err()).isEmpty();
        assertThat(spark.exitCode()).isZero();
        assertThat(Files.readAllBytes(sparkJson)).isEqualTo(Files.readAllBytes(localJson));
        assertThat(Files.readString(sparkJson)).contains("\"scenario\" : \"steady\"", "\"scenario\" : \"idle\"");
        for (String chart : List.of("frontier-idle.svg", "frontier-steady.svg")) {
            assertThat(Files.readAllBytes(dir.resolve("spark").resolve(chart)))
                    .isEqualTo(Files.readAllBytes(dir.resolve("local").resolve(chart)));
        }
    }

    @Test
    void sparkMainShouldRefuseAnythingButASweep() {
        Cli r = Cli.run(Main.commandLine(), withSparkMain(new String[] {"run", "--scenario", "idle"}));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(r.err()).startsWith("pollsim-spark: the first argument must be sweep");
        assertThat(Cli.run(Main.commandLine(), withSparkMain(new String[0])).exitCode()).isEqualTo(ExitCodes.INPUT);
    }

    @Test
    void sparkMainShouldKeepPollsimSweepsInputErrors() {
        Cli r = Cli.run(Main.commandLine(), withSparkMain(new String[] {"sweep", "--grid", "exp-idle.cap=30s,0s"}));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(r.err()).isEqualTo("pollsim: --grid exp-idle.cap=0s: policies.exp-idle.cap: must be at least 1us,"
                + " got 0s" + System.lineSeparator());
    }

    private static String[] with(String[] base, String... more) {
        List<String> all = new ArrayList<>(Arrays.asList(base));
        all.addAll(Arrays.asList(more));
        return all.toArray(String[]::new);
    }

    /** Marks arguments to run through {@link SparkMain} rather than straight through the command line. */
    private static String[] withSparkMain(String[] args) {
        return with(new String[] {Cli.SPARK_MAIN}, args);
    }

    /** A command run in-process with its output and exit code. */
    private record Cli(int exitCode, String out, String err) {

        static final String SPARK_MAIN = "<SparkMain>";

        static Cli run(CommandLine cl, String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(err));
            int code = args.length > 0 && args[0].equals(SPARK_MAIN)
                    ? SparkMain.run(cl, Arrays.copyOfRange(args, 1, args.length))
                    : cl.execute(args);
            return new Cli(code, out.toString(), err.toString());
        }
    }
}
