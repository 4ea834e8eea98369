package dev.pollsim.report.budget;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pollsim.report.JsonReport;
import dev.pollsim.sim.run.RunReport;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The runs of a check as JSON, to keep as the next check's {@link Baseline}: {@code {"runs":
 * [...]}}, each run exactly what {@code pollsim run --format json} prints for it (same field
 * names, same numbers). The same runs always give the same bytes.
 */
public final class CheckResults {

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    /** The runs as a JSON document, ending in a newline. */
    public String render(List<RunReport> runs) {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode list = root.putArray("runs");
        JsonReport json = new JsonReport(false);
        runs.forEach(r -> list.add(json.tree(r)));
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
