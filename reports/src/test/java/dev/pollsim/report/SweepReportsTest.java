package dev.pollsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pollsim.report.sweep.FrontierChart;
import dev.pollsim.sim.sweep.Budget;
import dev.pollsim.sim.sweep.GridAxis;
import dev.pollsim.sim.sweep.Replications;
import dev.pollsim.sim.sweep.ScenarioRef;
import dev.pollsim.sim.sweep.SweepPlan;
import dev.pollsim.sim.sweep.SweepResult;
import dev.pollsim.sim.sweep.SweepRunner;
import dev.pollsim.sim.sweep.TuneResult;
import dev.pollsim.sim.sweep.TuneSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Golden files of the sweep and tune reports: a seeded sweep, a fixed locale (the tests run in Turkish). */
class SweepReportsTest {

    private static SweepResult sweep;

    // Not in a static initialiser: the pool's threads would wait for this class's initialisation.
    @BeforeAll
    static void runTheSweep() {
        sweep = new SweepRunner(2).run(
                new SweepPlan(List.of(ScenarioRef.resolve("steady")), 1, null, List.of(), List.of(),
                        List.of(GridAxis.parse("fixed.interval=10s,20s,30s"))).points(),
                Replications.fixed(2), n -> {});
    }

    @TempDir
    Path dir;

    @Test
    void theSweepTableShouldMatchItsGoldenFile() throws IOException {
        Golden.assertMatches("sweep.txt", new SweepTableReport().render(sweep));
    }

    @Test
    void theSweepJsonShouldMatchItsGoldenFile() throws IOException {
        Golden.assertMatches("sweep.json", new SweepJsonReport().render(sweep));
    }

    @Test
    void theSweepCsvShouldMatchItsGoldenFile() throws IOException {
        Golden.assertMatches("sweep.csv", new SweepCsvReport().render(sweep));
    }

    @Test
    void theTuneReportsShouldMatchTheirGoldenFiles() throws IOException {
        TuneSpec spec = new TuneSpec(ScenarioRef.resolve("steady"), 1, null, "fixed", List.of(), "interval=5s..2m",
                List.of(Budget.parse("requestsPerDay<=6000")), "wakeLatencyMs.p99", false, 12, Replications.fixed(2));
        TuneResult result = spec.run(new SweepRunner(2), n -> {});
        Golden.assertMatches("tune.txt", new TuneReport().text(spec, result));
        Golden.assertMatches("tune.json", new TuneReport().json(spec, result));
    }

    @Test
    void theSweepPageShouldHoldEachFrontierAsChartAndTableAndNeedNothingElse() {
        String page = new SweepHtmlReport().render(sweep, "test");
        assertThat(new SweepHtmlReport().render(sweep, "test")).isEqualTo(page);
        assertThat(page).startsWith("<!DOCTYPE html>\n").endsWith("</html>\n")
                .contains("<svg id='frontier-steady'", "viewBox=", "Pareto frontier", "oracle (lower bound)",
                        "<h3>Frontier: requests per day against p99 wake latency (means)</h3>");
        String text = new SweepTableReport().render(sweep);
        // the frontier rows are the terminal table's, point for point
        for (int index : sweep.frontiers().get("steady")) {
            String name = SweepTableReport.frontierRow(sweep.points().get(index), false)[0];
            assertThat(text).contains(name);
            assertThat(page).contains("<tr><td><code>" + name.replace("&", "&amp;") + "</code></td>");
        }
        assertThat(page).contains("(lower bound)</code></td>");
        // self-contained: no script, no style sheet or image from elsewhere
        assertThat(page).doesNotContain("<script", "<link rel=\"stylesheet\"", "src=\"http");
    }

    @Test
    void theFrontierChartShouldBeTheSameSvgEveryTimeAndNameItsSeries() throws IOException {
        FrontierChart chart = new FrontierChart();
        String svg = chart.svg(chart.chart(sweep, "steady"));
        assertThat(chart.svg(chart.chart(sweep, "steady"))).isEqualTo(svg);
        // the vertical axis label is rotated, which JFreeSVG draws as outlines rather than text
        assertThat(svg).contains("Pareto frontier", "oracle (lower bound)", "requests per day (log scale)",
                "scenario steady: requests per day against p99 wake latency");
        List<Path> files = chart.write(sweep, dir.resolve("charts"));
        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("frontier-steady.svg", "frontier-steady.png");
        byte[] png = Files.readAllBytes(files.get(1));
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }
}
