package dev.pollsim.sim.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a map of names to single values, keeping each value's text and where it was written,
 * for parameters whose meaning is known only later (policy parameters in a reload).
 */
final class LocatedMapReader extends JsonDeserializer<Map<String, Located>> {

    @Override
    public Map<String, Located> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String source = String.valueOf(ctxt.getAttribute(PolicySetReader.SOURCE));
        if (p.currentToken() != JsonToken.START_OBJECT) {
            ctxt.reportInputMismatch(Map.class, "expected a map of parameter names to values, such as {spawnsPerTick: 2}");
        }
        Map<String, Located> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (!v.isScalarValue() || v == JsonToken.VALUE_NULL) {
                ctxt.reportInputMismatch(Map.class, "expected a single value for parameter '" + name + "'");
            }
            JsonLocation at = p.currentTokenLocation();
            if (out.put(name, new Located(p.getText(), source, at.getLineNr(), at.getColumnNr())) != null) {
                ctxt.reportInputMismatch(Map.class, "parameter '" + name + "' appears twice");
            }
        }
        return out;
    }
}
