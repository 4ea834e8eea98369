package dev.pollsim.sim.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a map of names to values, keeping each value's text and where it was written, for
 * parameters whose meaning is known only later (policy parameters in a reload). Nested maps and
 * lists are flattened as in {@code policies:} ({@link ParamMaps}).
 */
final class LocatedMapReader extends JsonDeserializer<Map<String, Located>> {

    @Override
    public Map<String, Located> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String source = String.valueOf(ctxt.getAttribute(PolicySetReader.SOURCE));
        if (p.currentToken() != JsonToken.START_OBJECT) {
            ctxt.reportInputMismatch(Map.class, "expected a map of parameter names to values, such as {spawnsPerTick: 2}");
        }
        Map<String, Located> out = new LinkedHashMap<>();
        String wrong = ParamMaps.read(p, "", out, source);
        if (wrong != null) {
            ctxt.reportInputMismatch(Map.class, wrong);
        }
        return out;
    }
}
