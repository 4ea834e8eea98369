package dev.pollsim.policy.param;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One parameter of a policy: its name, type, default and meaning.
 *
 * <p>A parameter may have no default ({@link #NO_DEFAULT}): it is then unset unless written, and
 * the policy decides whether it is required (a composed policy's curve) or optional (a clamp that
 * is off unless asked for).
 *
 * @param name the name written in scenario files ({@code interval}); a part's field is named with
 *     dots ({@code curve.floor}), as a nested map in a scenario file is flattened
 * @param type how the value is written
 * @param defaultValue the default, written as a user would write it, or {@link #NO_DEFAULT}
 * @param minimum the smallest accepted value, written the same way, or {@code null}
 * @param maximum the largest accepted value, written the same way, or {@code null}
 * @param choices the accepted words of a {@link ParamType#CHOICE} or {@link ParamType#LIST}, empty
 *     otherwise
 * @param description what the parameter does, in one sentence
 */
public record ParamSpec(String name, ParamType type, String defaultValue, String minimum, String maximum,
        List<String> choices, String description) {

    /** The {@code defaultValue} of a parameter that has none: unset unless written. */
    public static final String NO_DEFAULT = "";

    /** How a {@link ParamType#LIST} writes the empty list. */
    public static final String EMPTY_LIST = "none";

    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
        choices = List.copyOf(choices);
        boolean words = type == ParamType.CHOICE || type == ParamType.LIST;
        if (words == choices.isEmpty()) {
            throw new IllegalArgumentException("choices go with CHOICE and LIST parameters only: " + name);
        }
        if (!defaultValue.equals(NO_DEFAULT)) {
            new ParamSpec.Check(name, type, minimum, maximum, choices).parse(defaultValue);
        }
    }

    /** Whether the parameter has a default; one without is unset unless written. */
    public boolean hasDefault() {
        return !defaultValue.equals(NO_DEFAULT);
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

    /** A parameter taking some of {@code choices}, as a list. */
    public static ParamSpec list(String name, String defaultValue, List<String> choices, String description) {
        return new ParamSpec(name, ParamType.LIST, defaultValue, null, null, choices, description);
    }

    /** A boolean parameter. */
    public static ParamSpec flag(String name, String defaultValue, String description) {
        return new ParamSpec(name, ParamType.BOOLEAN, defaultValue, null, null, List.of(), description);
    }

    /**
     * Parses and checks a value written for this parameter.
     *
     * @return a {@code Long} of microseconds, a {@link Ratio}, an {@code Integer}, a {@code Boolean},
     *     a {@code String} choice or an unmodifiable {@code List<String>} of choices
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
                case LIST:
                    return words(raw);
                default:
                    throw new AssertionError(type);
            }
        }

        /** Comma-separated choices, each once; {@code none} or nothing is the empty list. */
        private List<String> words(String raw) {
            String t = raw.trim();
            if (t.isEmpty() || t.equals(EMPTY_LIST)) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (String part : t.split(",", -1)) {
                String w = part.trim();
                if (!choices.contains(w)) {
                    throw new IllegalArgumentException("expected some of " + String.join(", ", choices)
                            + " (or " + EMPTY_LIST + "), got '" + w + "'");
                }
                if (out.contains(w)) {
                    throw new IllegalArgumentException("'" + w + "' appears twice");
                }
                out.add(w);
            }
            return Collections.unmodifiableList(out);
        }

        private static int compare(Ratio a, Ratio b) {
            return Long.compare(a.numerator() * b.denominator(), b.numerator() * a.denominator());
        }
    }
}
