package dev.pollsim.report.budget;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A percentage written {@code 2%} or {@code 0.5%}, kept exact.
 *
 * @param percent the value in percent ({@code 2} for {@code 2%}), never negative
 */
@JsonDeserialize(using = Percent.Reader.class)
public record Percent(BigDecimal percent) {

    /** What a percentage looks like, for error messages. */
    public static final String EXPECTED = "a percentage such as 2% or 0.5%";

    public static final Percent ZERO = new Percent(BigDecimal.ZERO);

    private static final Pattern FORMAT = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*%\\s*");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Percent {
        if (percent.signum() < 0) {
            throw new IllegalArgumentException("a percentage cannot be negative: " + percent);
        }
        percent = percent.stripTrailingZeros();
        if (percent.scale() < 0) {
            percent = percent.setScale(0);
        }
    }

    /**
     * Parses {@code 2%}.
     *
     * @throws IllegalArgumentException saying what was expected
     */
    public static Percent parse(String text) {
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected " + EXPECTED + ", got '" + text + "'"
                    + (text.trim().matches("\\d+(\\.\\d+)?") ? " (the % sign is missing)" : ""));
        }
        return new Percent(new BigDecimal(m.group(1)));
    }

    /** The share this percentage is of one: {@code 0.02} for {@code 2%}. */
    public BigDecimal fraction() {
        return percent.divide(HUNDRED);
    }

    @Override
    public String toString() {
        return percent.toPlainString() + "%";
    }

    /** Reads a percentage string, refusing bare numbers with a message that says why. */
    static final class Reader extends JsonDeserializer<Percent> {
        @Override
        public Percent deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (Percent) ctxt.handleUnexpectedToken(Percent.class, p.currentToken(), p,
                        "expected " + EXPECTED + ", got " + p.getText()
                                + (p.currentToken().isNumeric() ? " (the % sign is missing)" : ""));
            }
            try {
                return parse(p.getText());
            } catch (IllegalArgumentException e) {
                return (Percent) ctxt.handleWeirdStringValue(Percent.class, p.getText(), e.getMessage());
            }
        }

        @Override
        public Percent getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            return ctxt.reportInputMismatch(this, "expected " + EXPECTED + ", got nothing");
        }

        @Override
        public Percent getAbsentValue(DeserializationContext ctxt) {
            return null;
        }
    }
}
