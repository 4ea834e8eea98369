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

/**
 * docs/COMPOSE.md shows real output: every code block that starts with a {@code $ pollsim}
 * command is run, and what the block shows after it must appear in the output (a {@code ...}
 * line skips output). The worked example's design must meet its targets.
 */
class ComposeDocsTest {

    private static final Path DOCS = Path.of("../docs");

    @Test
    void everyCommandShownShouldPrintWhatTheDocsShow() throws IOException {
        String doc = Files.readString(DOCS.resolve("COMPOSE.md"), StandardCharsets.UTF_8);
        int checked = 0;
        for (List<String> block : commandBlocks(doc)) {
            String[] args = command(block);
            Cli r = Cli.run(args);
            assertThat(r.exitCode()).as(String.join(" ", args)).isZero();
            for (String chunk : chunks(block)) {
                assertThat(r.out()).as(String.join(" ", args)).contains(chunk);
            }
            checked++;
        }
        assertThat(checked).isEqualTo(4);
    }

    @Test
    void theWorkedExamplesDesignShouldMeetItsBudgetAndLatency() throws IOException {
        Cli r = Cli.run("run", "--scenario", DOCS.resolve("examples/budget.yaml").toString(), "--policy", "4-retry",
                "--format", "json");
        JsonNode design = new ObjectMapper().readTree(r.out()).get("results").get(0);
        assertThat(design.get("requestsPerDay").asDouble()).isLessThanOrEqualTo(2_000);
        assertThat(design.get("wakeLatencyMs").get("p99").asDouble()).isLessThanOrEqualTo(30_000);
        assertThat(design.get("jobs").get("stranded").asLong()).isZero();
    }

    /** The fenced code blocks whose first line is a {@code $ pollsim} command, as lines. */
    private static List<List<String>> commandBlocks(String doc) {
        List<List<String>> blocks = new ArrayList<>();
        String[] lines = doc.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String fence = lines[i].strip();
            if (fence.startsWith("```") && i + 1 < lines.length && lines[i + 1].strip().startsWith("$ pollsim")) {
                int indent = lines[i].indexOf('`');
                List<String> block = new ArrayList<>();
                for (i++; i < lines.length && !lines[i].strip().equals("```"); i++) {
                    block.add(lines[i].length() >= indent ? lines[i].substring(indent) : lines[i].strip());
                }
                blocks.add(block);
            }
        }
        return blocks;
    }

    /** The command of a block, continuation lines joined, paths made relative to this module. */
    private static String[] command(List<String> block) {
        StringBuilder line = new StringBuilder();
        for (String l : block) {
            boolean more = l.endsWith("\\");
            line.append(more ? l.substring(0, l.length() - 1) : l).append(' ');
            if (!more) {
                break;
            }
        }
        String[] words = line.toString().strip().split("\\s+");
        return Arrays.stream(words).skip(2).map(w -> w.startsWith("docs/") ? "../" + w : w).toArray(String[]::new);
    }

    /** What a block shows after its command, split at {@code ...} lines. */
    private static List<String> chunks(List<String> block) {
        int first = 0;
        while (block.get(first).endsWith("\\")) {
            first++;
        }
        List<String> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        for (String l : block.subList(first + 1, block.size())) {
            if (l.equals("...")) {
                chunks.add(chunk.toString());
                chunk.setLength(0);
            } else {
                chunk.append(l).append('\n');
            }
        }
        chunks.add(chunk.toString());
        chunks.removeIf(String::isEmpty);
        return chunks;
    }
}
