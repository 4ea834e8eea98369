package dev.pollsim.policy.param;

import java.util.List;
import java.util.Objects;

/**
 * One parameter of a policy: its name, type, default and meaning.
 *
 * @param name the name written in scenario files ({@code interval})
 * @param type how the value is written
 * @param defaultValue the default, written as a user would write it
 * @param minimum the smallest accepted value, written the same way, or {@code null}
 * @param maximum the largest accepted value, written the same way, or {@code null}
 * @param choices the accepted words of a {@link ParamType#CHOICE}, empty otherwise
 * @param description what the parameter does, in one sentence
 */
public record ParamSpec(String name, ParamType type, String defaultValue, String minimum, String maximum,
        List<String> choices, String description) {

    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
        choices = List.copyOf(choices);
        if ((type == ParamType.CHOICE) == choices.isEmpty()) {
            throw new IllegalArgumentException("choices go with CHOICE parameters only: " + name);
        }
        new ParamSpec.Check(name, type, minimum, maximum, choices).parse(defaultValue);
    }

    /** A duration parameter that must be at least {@code minimum}. */
    public static ParamSpec duration(String name, String defaultValue, String minimum, String description) {
        return new ParamSpec(name, ParamType.DURATION, defaultValue, minimum, null, List.of(), description);
    }

    /** A decimal factor parameter that must be at least {@code minimum}. */
    public static ParamSpec factor(String name, String defaultValue, String minimum, String description) {
        return new ParamSpec(name, ParamType.FACTOR, defaultValue, minimum, null, List.of(), description);
    }

    /** A whole-number parameter that must be at least {@code minimum}. */
    public static ParamSpec integer(String name, String defaultValue, String minimum, String description) {
        return new ParamSpec(name, ParamType.INTEGER, defaultValue, minimum, null, List.of(), description);
    }

    /** A whole-number parameter between {@code minimum} and {@code maximum}. */
    public static ParamSpec integer(String name, String defaultValue, String minimum, String maximum,
            String description) {
        return new ParamSpec(name, ParamType.INTEGER, defaultValue, minimum, maximum, List.of(), description);
    }

    /** A parameter taking one of {@code choices}. */
    public static ParamSpec choice(String name, String defaultValue, List<String> choices, String description) {
        return new ParamSpec(name, ParamType.CHOICE, defaultValue, null, null, choices, description);
    }

    /** A boolean parameter. */
    public static ParamSpec flag(String name, String defaultValue, String description) {
        return new ParamSpec(name, ParamType.BOOLEAN, defaultValue, null, null, List.of(), description);
    }

    /**
     * Parses and checks a value written for this parameter.
     *
     * @return a {@code Long} of microseconds, a {@link Ratio}, an {@code Integer}, a {@code Boolean}
     *     or a {@code String} choice
     * @throws ParamException naming the parameter and what was expected
     */
    public Object parse(String raw) {
        return new Check(name, type, minimum, maximum, choices).parse(raw);
    }

    /** The checks of one parameter, usable before the record is built. */
    private record Check(String name, ParamType type, String minimum, String maximum, List<String> choices) {

        Object parse(String raw) {
            try {
                return value(raw);
            } catch (ParamException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new ParamException(name, e.getMessage());
            }
        }

        private Object value(String raw) {
            switch (type) {
                case DURATION: {
                    long us = Durations.parseMicros(raw);
                    if (minimum != null && us < Durations.parseMicros(minimum)) {
                        throw new IllegalArgumentException("must be at least " + minimum + ", got " + raw);
                    }
                    if (maximum != null && us > Durations.parseMicros(maximum)) {
                        throw new IllegalArgumentException("must be at most " + maximum + ", got " + raw);
                    }
                    return us;
                }
                case FACTOR: {
                    Ratio r = Ratio.parse(raw);
                    if (minimum != null && compare(r, Ratio.parse(minimum)) < 0) {
                        throw new IllegalArgumentException("must be at least " + minimum + ", got " + raw);
                    }
                    if (maximum != null && compare(r, Ratio.parse(maximum)) > 0) {
                        throw new IllegalArgumentException("must be at most " + maximum + ", got " + raw);
                    }
                    return r;
                }
                case INTEGER: {
                    int v;
                    try {
                        v = Integer.parseInt(raw.trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("expected an integer, got '" + raw + "'", e);
                    }
                    if (minimum != null && v < Integer.parseInt(minimum)) {
                        throw new IllegalArgumentException("must be at least " + minimum + ", got " + raw);
                    }
                    if (maximum != null && v > Integer.parseInt(maximum)) {
                        throw new IllegalArgumentException("must be at most " + maximum + ", got " + raw);
                    }
                    return v;
                }
                case BOOLEAN: {
                    String t = raw.trim();
                    if (t.equals("true") || t.equals("false")) {
                        return Boolean.valueOf(t);
                    }
                    throw new IllegalArgumentException("expected true or false, got '" + raw + "'");
                }
                case CHOICE: {
                    String t = raw.trim();
                    if (choices.contains(t)) {
                        return t;
                    }
                    throw new IllegalArgumentException(
                            "expected one of " + String.join(", ", choices) + ", got '" + raw + "'");
                }
                default:
                    throw new AssertionError(type);
            }
        }

        private static int compare(Ratio a, Ratio b) {
            return Long.compare(a.numerator() * b.denominator(), b.numerator() * a.denominator());
        }
    }
}
