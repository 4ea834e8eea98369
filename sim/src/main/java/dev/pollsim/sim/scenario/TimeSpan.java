package dev.pollsim.sim.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.pollsim.policy.param.Durations;
import java.io.IOException;

/**
 * A duration written in a scenario file ({@code 250ms}, {@code 10s}, {@code 2h}), held as exact
 * microseconds.
 *
 * @param micros the duration
 */
@JsonDeserialize(using = TimeSpan.Reader.class)
public record TimeSpan(long micros) {

    public TimeSpan {
        if (micros < 0) {
            throw new IllegalArgumentException("a duration cannot be negative: " + micros);
        }
    }

    /** Parses {@code 10s}. */
    public static TimeSpan parse(String text) {
        return new TimeSpan(Durations.parseMicros(text));
    }

    @Override
    public String toString() {
        return Durations.format(micros);
    }

    /** Reads a duration string, refusing bare numbers with a message that says why. */
    static final class Reader extends JsonDeserializer<TimeSpan> {
        @Override
        public TimeSpan deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (TimeSpan) ctxt.handleUnexpectedToken(TimeSpan.class, p.currentToken(), p,
                        "expected " + Durations.EXPECTED + ", got " + p.getText());
            }
            try {
                return parse(p.getText());
            } catch (IllegalArgumentException e) {
                return (TimeSpan) ctxt.handleWeirdStringValue(TimeSpan.class, p.getText(), e.getMessage());
            }
        }
    }
}
