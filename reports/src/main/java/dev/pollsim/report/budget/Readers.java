package dev.pollsim.report.budget;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.pollsim.policy.param.Durations;
import dev.pollsim.sim.scenario.Located;
import dev.pollsim.sim.scenario.Scenario;
import dev.pollsim.sim.scenario.ScenarioLoader;
import dev.pollsim.sim.scenario.TimeSpan;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The readers of a budgets file's values: each refuses a bad value, an explicit {@code null}
 * included, at the line and column where it is written, with a message that says what was
 * expected. An absent field is {@code null}: no rule.
 */
final class Readers {

    private Readers() {}

    /**
     * A field's reader: an explicit {@code null} is refused with what the field expects, and an
     * absent field reads as {@code null}, no rule.
     */
    private abstract static class Field<T> extends JsonDeserializer<T> {
        private final String whenNull;

        Field(String whenNull) {
            this.whenNull = whenNull;
        }

        @Override
        public final T getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            return ctxt.reportInputMismatch(this, whenNull);
        }

        @Override
        public final T getAbsentValue(DeserializationContext ctxt) {
            return null;
        }
    }

    /** A limit in requests or hours: a number, never negative. */
    static final class Amount extends Field<BigDecimal> {
        Amount() {
            super("expected a number such as 12000 or 2.5, got nothing");
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.currentToken().isNumeric()) {
                return ctxt.reportInputMismatch(this, "expected a number such as 12000 or 2.5, got '" + p.getText() + "'");
            }
            BigDecimal v = p.getDecimalValue();
            if (v.signum() < 0) {
                return ctxt.reportInputMismatch(this, "expected a number of at least 0, got " + p.getText());
            }
            return v;
        }
    }

    /** A limit on a count (jobs, 429s): a whole number, never negative. */
    static final class Count extends Field<BigDecimal> {
        Count() {
            super("expected a whole number such as 0 or 10, got nothing");
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                return ctxt.reportInputMismatch(this, "expected a whole number such as 0 or 10, got '" + p.getText() + "'");
            }
            BigDecimal v = p.getDecimalValue();
            if (v.signum() < 0) {
                return ctxt.reportInputMismatch(this, "expected a whole number of at least 0, got " + p.getText());
            }
            return v;
        }
    }

    /** Simulated days instead of the scenario's: a whole number in the range a scenario allows. */
    static final class Days extends Field<Integer> {
        Days() {
            super("expected a whole number of days from 1 to " + Scenario.MAX_DAYS
                    + ", got nothing");
        }

        @Override
        public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getDecimalValue().compareTo(BigDecimal.ONE) < 0
                    || p.getDecimalValue().compareTo(BigDecimal.valueOf(Scenario.MAX_DAYS)) > 0) {
                return ctxt.reportInputMismatch(this, "expected a whole number of days from 1 to " + Scenario.MAX_DAYS
                        + ", got " + p.getText());
            }
            return p.getIntValue();
        }
    }

    /** A latency limit: a duration string, as everywhere in pollsim. */
    static final class Duration extends Field<TimeSpan> {
        Duration() {
            super("expected " + Durations.EXPECTED + ", got nothing");
        }

        @Override
        public TimeSpan deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return ctxt.reportInputMismatch(this, "expected " + Durations.EXPECTED + ", got " + p.getText()
                        + (p.currentToken().isNumeric() ? " (the unit is missing)" : ""));
            }
            try {
                return TimeSpan.parse(p.getText());
            } catch (IllegalArgumentException e) {
                return ctxt.reportInputMismatch(this, e.getMessage().startsWith("expected") ? e.getMessage()
                        : "expected " + Durations.EXPECTED + ": " + e.getMessage());
            }
        }
    }

    /** A text value with where it is written, so that a later check can point at it. */
    static final class Text extends Field<Located> {
        Text() {
            super("expected a text value, got nothing");
        }

        @Override
        public Located deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return ctxt.reportInputMismatch(this, "expected a text value, got " + p.getText());
            }
            return located(p.getText(), p, ctxt);
        }
    }

    /** The {@code policies:} map of a budget: label to limits, each label located. */
    static final class Policies extends Field<List<PolicyBudget>> {
        Policies() {
            super("expected a map of policy labels to their limits, got nothing");
        }

        @Override
        public List<PolicyBudget> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                return ctxt.reportInputMismatch(this,
                        "expected a map of policy labels to their limits, such as {exp-idle: {requestsPerDay: 12000}}");
            }
            List<PolicyBudget> out = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                Located label = located(p.currentName(), p, ctxt);
                JsonToken t = p.nextToken();
                try {
                    if (t != JsonToken.START_OBJECT) {
                        ctxt.reportInputMismatch(this, "expected the limits of policy '" + label.text()
                                + "' as a map, such as {requestsPerDay: 12000}, or {} to check its stranded jobs alone");
                    }
                    out.add(new PolicyBudget(label, ctxt.readValue(p, Limits.class)));
                } catch (JsonMappingException e) {
                    throw JsonMappingException.wrapWithPath(e, out, label.text());
                }
            }
            return out;
        }
    }

    private static Located located(String text, JsonParser p, DeserializationContext ctxt) {
        JsonLocation at = p.currentTokenLocation();
        return new Located(text, String.valueOf(ctxt.getAttribute(ScenarioLoader.SOURCE)), at.getLineNr(),
                at.getColumnNr());
    }
}
