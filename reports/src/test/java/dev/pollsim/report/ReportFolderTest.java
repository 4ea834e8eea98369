package dev.pollsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pollsim.report.writer.ReportWriter;
import dev.pollsim.sim.run.RunReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report folder: every file there, its data sealed by the golden files of the formats it
 * holds, and every file the same bytes when written twice (the page included; PNGs on this JDK).
 */
class ReportFolderTest {

    private static final String VERSION = "0.0.0-test";
    private static final List<String> CHARTS =
            List.of("requests-vs-p99", "requests-per-day", "wake-latency-cdf", "poll-interval", "hourly");

    @TempDir
    static Path dir;

    private static RunReport report;
    private static List<Path> written;

    @BeforeAll
    static void writeTheFolder() throws IOException {
        report = ReportFormatsTest.report();
        written = new ReportWriter(VERSION).write(report, dir.resolve("a"));
    }

    @Test
    void shouldWriteThePageTheDataTheSummaryAndEveryChartAsSvgAndPng() throws IOException {
        List<String> names = written.stream().map(p -> p.getFileName().toString()).toList();
        assertThat(names).startsWith("results.json", "results.csv", "summary.md").endsWith("index.html");
        for (String chart : CHARTS) {
            assertThat(names).contains(chart + ".svg", chart + ".png");
        }
        assertThat(names).hasSize(4 + 2 * CHARTS.size());
        try (Stream<Path> files = Files.list(dir.resolve("a"))) {
            assertThat(files.count()).isEqualTo(names.size());
        }
    }

    @Test
    void dataAndSummaryShouldMatchTheirGoldenFiles() throws IOException {
        Golden.assertMatches("run-series.json", read("results.json"));
        Golden.assertMatches("run.csv", read("results.csv"));
        Golden.assertMatches("summary.md", read("summary.md"));
    }

    @Test
    void everyFileShouldBeTheSameBytesWhenWrittenAgain() throws IOException {
        List<Path> again = new ReportWriter(VERSION).write(ReportFormatsTest.report(), dir.resolve("b"));
        assertThat(again).hasSameSizeAs(written);
        for (Path file : written) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(file.getFileName())))
                    .as(file.getFileName().toString()).isEqualTo(Files.readAllBytes(file));
        }
    }

    @Test
    void thePageShouldBeSelfContained() throws IOException {
        String html = read("index.html");
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        for (String chart : CHARTS) {
            assertThat(html).contains("<svg id='" + chart + "'", "href=\"" + chart + ".png\"");
        }
        // No script and nothing fetched: no external style sheet, image, font or frame.
        assertThat(html).doesNotContain("<script", "<link rel=\"stylesheet\"", "<img", "<iframe", "@import",
                "url(http", "src=\"http", "href=\"http", "href='http");
        assertThat(html).contains("<code>golden</code>", "<td>20261123</td>", VERSION, "<td>1,887</td>");
        assertThat(html).doesNotContainPattern("20\\d\\d-\\d\\d-\\d\\dT");
    }

    @Test
    void thePageShouldMarkTheBestValuesAndShowEachPolicysColour() throws IOException {
        String html = read("index.html");
        assertThat(html).contains("<td class=\"best\">5,490</td>", "background: #1f77b4", "background: #ff7f0e");
    }

    @Test
    void thePageAndTheSummaryShouldShowTheRunsWarningsAtTheirHeadAndNoneWhenThereAreNone() throws IOException {
        assertThat(read("index.html")).doesNotContain("class=\"warning\"");
        RunReport warned = new RunReport(report.scenario(), report.seed(), report.days(), report.daemons(),
                report.results(), List.of("trace <jobs>.csv spans 2 days and the run 1: its arrivals after day 1 were"
                        + " not replayed"));
        new ReportWriter(VERSION).write(warned, dir.resolve("w"));
        String html = Files.readString(dir.resolve("w").resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("<p class=\"warning\"><strong>Warning:</strong> trace &lt;jobs&gt;.csv spans 2 days"
                + " and the run 1: its arrivals after day 1 were not replayed.</p>\n</header>");
        assertThat(Files.readString(dir.resolve("w").resolve("summary.md"), StandardCharsets.UTF_8)).contains(
                "|\n\n> **Warning:** trace <jobs>.csv spans 2 days and the run 1: its arrivals after day 1 were not"
                        + " replayed.\n\n## Requests per day");
    }

    private static String read(String name) throws IOException {
        return Files.readString(dir.resolve("a").resolve(name), StandardCharsets.UTF_8);
    }
}
