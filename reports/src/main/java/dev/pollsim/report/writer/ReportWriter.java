package dev.pollsim.report.writer;

import dev.pollsim.report.CsvReport;
import dev.pollsim.report.JsonReport;
import dev.pollsim.report.MarkdownSummary;
import dev.pollsim.report.chart.ChartFiles;
import dev.pollsim.report.chart.Charts;
import dev.pollsim.report.chart.ReportChart;
import dev.pollsim.report.html.HtmlReport;
import dev.pollsim.sim.run.RunReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the report of a run into one folder to drop into a design review: {@code index.html}
 * (self-contained), {@code results.json} (with series), {@code results.csv}, {@code summary.md},
 * and every chart as {@code NAME.svg} and {@code NAME.png}. Files of those names are replaced;
 * nothing else in the folder is touched. Everything but the PNGs is the same bytes for the same
 * run and version (the SVGs on the same machine: see {@link ChartFiles}). Draws off screen: set
 * {@code java.awt.headless=true} on machines without a display.
 */
public final class ReportWriter {

    /** The page of the report. */
    public static final String INDEX = "index.html";

    private final String version;

    /** @param version the pollsim version, written into the page and the summary */
    public ReportWriter(String version) {
        this.version = version;
    }

    /**
     * Writes the folder, creating it if needed.
     *
     * @return the files written, in the order written: data first, then charts, the page last
     * @throws IOException when the folder or a file cannot be written
     */
    public List<Path> write(RunReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        written.add(text(dir, "results.json", new JsonReport(true).render(report)));
        written.add(text(dir, "results.csv", new CsvReport().render(report)));
        written.add(text(dir, "summary.md", new MarkdownSummary().render(report, version)));
        List<HtmlReport.Chart> inline = new ArrayList<>();
        for (ReportChart c : Charts.of(report)) {
            String svg = ChartFiles.svgElement(c);
            written.add(text(dir, c.name() + ".svg", ChartFiles.document(svg)));
            Path png = dir.resolve(c.name() + ".png");
            Files.write(png, ChartFiles.png(c));
            written.add(png);
            inline.add(new HtmlReport.Chart(c.name(), c.title(), c.howToRead(), svg));
        }
        written.add(text(dir, INDEX, new HtmlReport().render(report, Charts.palette(report), inline, version)));
        return written;
    }

    private static Path text(Path dir, String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
