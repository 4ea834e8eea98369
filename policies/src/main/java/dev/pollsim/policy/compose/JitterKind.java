package dev.pollsim.policy.compose;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How a composed policy spreads a backoff delay. {@code full}, {@code equal} and
 * {@code decorrelated} are the kinds of the AWS Architecture Blog's "Exponential Backoff And
 * Jitter": {@code random(0, d)}, {@code d/2 + random(0, d/2)} and
 * {@code min(cap, random(floor, previous x 3))}.
 */
public enum JitterKind {
    /** The delay as the curve gives it. */
    NONE,
    /** {@code d +/- percent}: uniform in {@code [d - d p/100, d + d p/100]}. */
    PERCENT,
    /** Uniform in {@code [0, d]}. */
    FULL,
    /** {@code d/2} plus uniform in {@code [0, d - d/2]}: uniform in {@code [d/2, d]}. */
    EQUAL,
    /** {@code min(cap, uniform in [floor, 3 x previous])}: replaces the curve's growth. */
    DECORRELATED;

    /** As written in a scenario file. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every kind as written, in order. */
    public static List<String> words() {
        return Arrays.stream(values()).map(JitterKind::word).toList();
    }

    /** The kind written {@code word}. */
    public static JitterKind of(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
