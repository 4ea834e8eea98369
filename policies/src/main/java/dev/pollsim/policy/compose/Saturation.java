package dev.pollsim.policy.compose;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What a saturated tick (every worker slot busy, so no request) does to the idle curve. */
public enum Saturation {
    /** Leaves it: "no capacity, not nothing to do" (seed 000). */
    HOLD,
    /** Snaps it back to the floor, as work would. */
    RESET,
    /** Grows it, as an idle tick would. */
    GROW;

    /** As written in a scenario file. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every choice as written. */
    public static List<String> words() {
        return Arrays.stream(values()).map(Saturation::word).toList();
    }

    /** The choice written {@code word}. */
    public static Saturation of(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
