package dev.pollsim.sim.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Map;

/**
 * Reads a YAML map of policy parameters into flat names, each value keeping where it was written.
 * A nested map is a part of a policy: its fields are named with dots ({@code curve: {floor: 10s}}
 * gives {@code curve.floor}); a list of single values is written back comma-separated
 * ({@code reset: [work, wake]} gives {@code reset = "work,wake"}, located at the list). Policy
 * parameters stay flat names to the checks after this, so every policy, {@code --set
 * LABEL.PARAM=VALUE} and {@code pollsim policies} see one shape.
 */
final class ParamMaps {

    private ParamMaps() {}

    /**
     * Reads the fields of the map whose {@code START_OBJECT} the parser stands on, up to and
     * including its {@code END_OBJECT}.
     *
     * @param prefix the dotted name of the enclosing part, with its trailing dot, or empty
     * @param out where the flat names go, in file order
     * @return {@code null}, or what is wrong (the caller reports it where the parser stands)
     */
    static String read(JsonParser p, String prefix, Map<String, Located> out, String source) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = prefix + p.currentName();
            JsonToken v = p.nextToken();
            Located value;
            if (v == JsonToken.START_OBJECT) {
                String wrong = read(p, name + ".", out, source);
                if (wrong != null) {
                    return wrong;
                }
                continue;
            } else if (v == JsonToken.START_ARRAY) {
                JsonLocation at = p.currentTokenLocation();
                StringBuilder words = new StringBuilder();
                int n = 0;
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    if (!e.isScalarValue() || e == JsonToken.VALUE_NULL) {
                        return "expected a list of single values for parameter '" + name + "'";
                    }
                    words.append(n++ == 0 ? "" : ",").append(p.getText());
                }
                value = new Located(words.toString(), source, at.getLineNr(), at.getColumnNr());
            } else if (v.isScalarValue() && v != JsonToken.VALUE_NULL) {
                JsonLocation at = p.currentTokenLocation();
                value = new Located(p.getText(), source, at.getLineNr(), at.getColumnNr());
            } else {
                return "expected a value, a list or a map for parameter '" + name + "'";
            }
            if (out.put(name, value) != null) {
                return "parameter '" + name + "' appears twice";
            }
        }
        return null;
    }
}
