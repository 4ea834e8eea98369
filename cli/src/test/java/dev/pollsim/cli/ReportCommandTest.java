package dev.pollsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    @TempDir
    Path dir;

    @Test
    void shouldWriteTheReportFolderAndSayWhere() throws IOException {
        Path out = dir.resolve("review");
        Cli r = Cli.run("report", "--scenario", "steady", "--days", "1", "--policy", "fixed,exp-idle", "--seed", "7",
                "--set", "exp-idle.cap=60s", "--out", out.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("pollsim: wrote 14 files to " + out + "; open " + out.resolve("index.html") + "\n");
        for (String f : new String[] {"index.html", "results.json", "results.csv", "summary.md", "requests-vs-p99.svg",
            "requests-vs-p99.png", "requests-per-day.svg", "wake-latency-cdf.svg", "poll-interval.png", "hourly.svg"}) {
            assertThat(out.resolve(f)).isRegularFile();
        }
        String summary = Files.readString(out.resolve("summary.md"), StandardCharsets.UTF_8);
        assertThat(summary).contains("| `steady` | 7 | 1 |", "cap=1m", "`exp-idle`");
        assertThat(Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8))
                .contains("<td>" + VersionProvider.version() + "</td>");
    }

    @Test
    void shouldRequireAnOutputFolder() {
        Cli r = Cli.run("report", "--scenario", "idle");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(r.err()).contains("Missing required option: '--out=DIR'");
    }

    @Test
    void shouldRefuseAFolderThatCannotBeWrittenWithOneLine() throws IOException {
        Path file = dir.resolve("taken");
        Files.writeString(file, "not a folder");
        Cli r = Cli.run("report", "--scenario", "idle", "--days", "1", "--policy", "fixed", "--out", file.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(r.err()).startsWith("pollsim: --out " + file + ": cannot write: ").doesNotContain("\tat ");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void runAndReportShouldShareTheScenarioOptionsByTheirPublicNames() {
        String[] names = {"--scenario", "--trace", "--policy", "--days", "--seed", "--set", "--timestamp-column",
            "--service-column", "--no-progress"};
        assertThat(Cli.run("run", "--help").out()).contains(names).contains("--format", "--series", "--out");
        assertThat(Cli.run("report", "--help").out()).contains(names).contains("--out=DIR");
        assertThat(Cli.run("--help").out()).contains("report");
    }

    @Test
    void shouldRefuseBadScenarioInputLikeRun() {
        Cli r = Cli.run("report", "--scenario", "nope", "--out", dir.resolve("x").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(r.err()).startsWith("pollsim: --scenario: no file or preset named 'nope'");
        Cli days = Cli.run("report", "--days", "0", "--out", dir.resolve("x").toString());
        assertThat(days.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(days.err()).contains("--days");
    }
}
