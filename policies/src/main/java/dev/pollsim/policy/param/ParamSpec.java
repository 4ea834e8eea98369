package dev.pollsim.policy.param;

import java.util.Objects;

/**
 * One parameter of a policy: its name, type, default and meaning.
 *
 * @param name the name written in scenario files ({@code interval})
 * @param type how the value is written
 * @param defaultValue the default, written as a user would write it
 * @param minimum the smallest accepted value, written the same way, or {@code null}
 * @param description what the parameter does, in one sentence
 */
public record ParamSpec(
        String name, ParamType type, String defaultValue, String minimum, String description) {

    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
        parse(name, type, defaultValue, minimum);
    }

    /** A duration parameter that must be at least {@code minimum}. */
    public static ParamSpec duration(String name, String defaultValue, String minimum, String description) {
        return new ParamSpec(name, ParamType.DURATION, defaultValue, minimum, description);
    }

    /** A decimal factor parameter that must be at least {@code minimum}. */
    public static ParamSpec factor(String name, String defaultValue, String minimum, String description) {
        return new ParamSpec(name, ParamType.FACTOR, defaultValue, minimum, description);
    }

    /** A whole-number parameter that must be at least {@code minimum}. */
    public static ParamSpec integer(String name, String defaultValue, String minimum, String description) {
        return new ParamSpec(name, ParamType.INTEGER, defaultValue, minimum, description);
    }

    /** A boolean parameter. */
    public static ParamSpec flag(String name, String defaultValue, String description) {
        return new ParamSpec(name, ParamType.BOOLEAN, defaultValue, null, description);
    }

    /**
     * Parses and checks a value written for this parameter.
     *
     * @return a {@code Long} of microseconds, a {@link Ratio}, an {@code Integer} or a {@code Boolean}
     * @throws ParamException naming the parameter and what was expected
     */
    public Object parse(String raw) {
        return parse(name, type, raw, minimum);
    }

    private static Object parse(String name, ParamType type, String raw, String minimum) {
        try {
            switch (type) {
                case DURATION: {
                    long us = Durations.parseMicros(raw);
                    if (minimum != null && us < Durations.parseMicros(minimum)) {
                        throw new IllegalArgumentException("must be at least " + minimum + ", got " + raw);
                    }
                    return us;
                }
                case FACTOR: {
                    Ratio r = Ratio.parse(raw);
                    if (minimum != null && compare(r, Ratio.parse(minimum)) < 0) {
                        throw new IllegalArgumentException("must be at least " + minimum + ", got " + raw);
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
                    return v;
                }
                case BOOLEAN: {
                    String t = raw.trim();
                    if (t.equals("true") || t.equals("false")) {
                        return Boolean.valueOf(t);
                    }
                    throw new IllegalArgumentException("expected true or false, got '" + raw + "'");
                }
                default:
                    throw new AssertionError(type);
            }
        } catch (ParamException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ParamException(name, e.getMessage());
        }
    }

    private static int compare(Ratio a, Ratio b) {
        return Long.compare(a.numerator() * b.denominator(), b.numerator() * a.denominator());
    }
}
