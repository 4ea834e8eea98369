package dev.pollsim.sim.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.pollsim.policy.param.Durations;
import java.io.IOException;

/** The parts of a {@code kind: trace} workload that are written in more than one form. */
public final class TraceWorkload {

    private TraceWorkload() {}

    /**
     * {@code timestamp: {column, format}}: where arrival times are and how they are written.
     *
     * @param column the column (or JSON field), default {@code timestamp}
     * @param format {@code epoch-s|epoch-ms|epoch-us|epoch-ns|iso|datetime}; default: told
     *     apart between {@code iso} and {@code datetime} on the first row
     */
    public record Timestamp(String column, String format) {}

    /**
     * {@code serviceTime:} of a trace: a column of the trace ({@code {column, unit}}), or, for
     * traces without one, any service time the other kinds take.
     *
     * @param column the column of service times, or {@code null}
     * @param unit its unit, {@code us|ms|s|m|h} (default {@code s})
     * @param fallback the service time of jobs when there is no column
     */
    @JsonDeserialize(using = ServiceTime.Reader.class)
    public record ServiceTime(String column, String unit, ServiceTimeSpec fallback) {

        public static final ServiceTime DEFAULT = new ServiceTime(null, null, ServiceTimeSpec.DEFAULT);

        /** The column form, as written. */
        record Column(String column, String unit) {}

        /** Reads a duration, a distribution, or {@code {column, unit}}. */
        static final class Reader extends JsonDeserializer<ServiceTime> {
            @Override
            public ServiceTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (p.currentToken() != JsonToken.START_OBJECT) {
                    return new ServiceTime(null, null, ctxt.readValue(p, ServiceTimeSpec.class));
                }
                JsonNode node = ctxt.readTree(p);
                if (node.has("column")) {
                    Column c = ctxt.readTreeAsValue(node, Column.class);
                    return new ServiceTime(c.column(), c.unit(), ServiceTimeSpec.DEFAULT);
                }
                if (node.has("unit")) {
                    ctxt.reportInputMismatch(ServiceTime.class, "a service time 'unit' goes with a 'column'");
                }
                return new ServiceTime(null, null, ctxt.readTreeAsValue(node, ServiceTimeSpec.class));
            }
        }
    }

    /**
     * {@code repeat:} {@code true} (the period is the trace's span rounded up to a minute),
     * {@code false}, or the period as a duration.
     *
     * @param on whether the trace repeats
     * @param periodUs the period, or 0 for the trace's span
     */
    @JsonDeserialize(using = Repeat.Reader.class)
    public record Repeat(boolean on, long periodUs) {

        public static final Repeat OFF = new Repeat(false, 0);

        /** Reads a boolean or a duration. */
        static final class Reader extends JsonDeserializer<Repeat> {
            @Override
            public Repeat deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                JsonToken t = p.currentToken();
                if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                    return new Repeat(t == JsonToken.VALUE_TRUE, 0);
                }
                if (t == JsonToken.VALUE_STRING) {
                    try {
                        long period = Durations.parseMicros(p.getText());
                        if (period > 0) {
                            return new Repeat(true, period);
                        }
                    } catch (IllegalArgumentException e) {
                        // reported below with what is expected
                    }
                }
                return (Repeat) ctxt.handleUnexpectedToken(Repeat.class, t, p,
                        "expected true, false or a period such as 1d, got " + p.getText());
            }
        }
    }
}
