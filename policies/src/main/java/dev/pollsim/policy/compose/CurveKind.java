package dev.pollsim.policy.compose;

import java.util.Arrays;
import java.util.List;

/** How a composed policy's idle delay grows per idle tick. */
public enum CurveKind {
    /** Never grows: every delay is the floor. */
    FIXED("fixed"),
    /** Adds a step per idle tick, up to the cap. */
    LINEAR("linear"),
    /** Multiplies by an exact factor per idle tick, up to the cap (seed 000's x1.5). */
    GEOMETRIC("geometric"),
    /** Doubles per idle tick, up to the cap. */
    EXPONENTIAL("exponential"),
    /**
     * {@code floor x 2^min(streak, maxStreak)} from the count of idle ticks in a row (seed 002),
     * optionally capped.
     */
    IDLE_STREAK("idle-streak");

    private final String word;

    CurveKind(String word) {
        this.word = word;
    }

    /** As written in a scenario file. */
    public String word() {
        return word;
    }

    /** Every kind as written, in order. */
    public static List<String> words() {
        return Arrays.stream(values()).map(CurveKind::word).toList();
    }

    /** The kind written {@code word}. */
    public static CurveKind of(String word) {
        for (CurveKind k : values()) {
            if (k.word.equals(word)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown curve kind " + word);
    }
}
