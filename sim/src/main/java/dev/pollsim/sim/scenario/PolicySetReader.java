package dev.pollsim.sim.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code policies:} map (label to parameters), keeping where each label and value was
 * written so that the policy checks made later can point at the line. A policy's parts, written
 * as nested maps and lists, become dotted parameter names ({@link ParamMaps}).
 */
final class PolicySetReader extends JsonDeserializer<List<PolicySpec>> {

    /** Context attribute holding the source name for {@link Located} values. */
    static final String SOURCE = "pollsim.source";

    @Override
    public List<PolicySpec> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String source = String.valueOf(ctxt.getAttribute(SOURCE));
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return unexpected(p, ctxt, "expected a map of policy labels to parameters");
        }
        List<PolicySpec> specs = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String label = p.currentName();
            Located where = located(label, p, source);
            for (PolicySpec s : specs) {
                if (s.label().equals(label)) {
                    return unexpected(p, ctxt, "policy label '" + label + "' appears twice");
                }
            }
            JsonToken t = p.nextToken();
            Map<String, Located> params = new LinkedHashMap<>();
            Located policy = where;
            if (t == JsonToken.START_OBJECT) {
                String wrong = ParamMaps.read(p, "", params, source);
                if (wrong != null) {
                    return unexpected(p, ctxt, wrong + " of policy '" + label + "'");
                }
                Located named = params.remove("policy");
                if (named != null) {
                    policy = named;
                }
            } else if (t != JsonToken.VALUE_NULL) {
                return unexpected(p, ctxt, "expected the parameters of policy '" + label
                        + "' as a map, such as {interval: 10s}, or {} for the defaults");
            }
            specs.add(new PolicySpec(label, policy, params, where));
        }
        return specs;
    }

    private static Located located(String text, JsonParser p, String source) {
        JsonLocation at = p.currentTokenLocation();
        return new Located(text, source, at.getLineNr(), at.getColumnNr());
    }

    private static List<PolicySpec> unexpected(JsonParser p, DeserializationContext ctxt, String message)
            throws IOException {
        ctxt.reportInputMismatch(PolicySpec.class, message);
        return List.of();
    }
}
