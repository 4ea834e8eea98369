package dev.pollsim.policy.compose;

import dev.pollsim.policy.PolicyDefinition;
import dev.pollsim.policy.param.Durations;
import dev.pollsim.policy.param.ParamException;
import dev.pollsim.policy.param.ParamSpec;
import dev.pollsim.policy.param.PolicyParams;
import dev.pollsim.policy.param.Ratio;
import java.util.List;

/**
 * The {@code composed} policy: its parts as parameters, flattened to dotted names
 * ({@code curve.floor}, as a scenario file's nested maps are read), and the checks that turn them
 * into a {@link Composition}. A missing, unknown or contradictory part is refused with a
 * {@link ParamException} naming the field at fault.
 */
public final class ComposedDefinition {

    /** The name in scenario files. */
    public static final String NAME = "composed";

    public static final String CURVE_KIND = "curve.kind";
    public static final String CURVE_FLOOR = "curve.floor";
    public static final String CURVE_CAP = "curve.cap";
    public static final String CURVE_FACTOR = "curve.factor";
    public static final String CURVE_STEP = "curve.step";
    public static final String CURVE_MAX_STREAK = "curve.maxStreak";
    public static final String RESET = "reset";
    public static final String SATURATION = "saturation";
    public static final String ERRORS_MODE = "errors.mode";
    public static final String RATE_LIMITED_MIN = "errors.rateLimited.min";
    public static final String RATE_LIMITED_FACTOR = "errors.rateLimited.factor";
    public static final String RATE_LIMITED_CAP = "errors.rateLimited.cap";
    public static final String OTHER_MIN = "errors.other.min";
    public static final String OTHER_FACTOR = "errors.other.factor";
    public static final String OTHER_CAP = "errors.other.cap";
    public static final String JITTER_KIND = "jitter.kind";
    public static final String JITTER_PERCENT = "jitter.percent";
    public static final String SUSPEND_AFTER = "suspendAfter";
    public static final String WAKE_ON = "wakeOn";
    public static final String WAKE_REARM = "wakeRearm";
    public static final String DEADLINE_CLAMP_FLOOR = "deadlineClamp.floor";
    public static final String BATCH_SIZE = "batch.size";
    public static final String SPAWN_JITTER_MIN = "batch.spawnJitter.min";
    public static final String SPAWN_JITTER_MAX = "batch.spawnJitter.max";

    /** The error backoffs of seed 000, the one seed that has one. */
    public static final long DEFAULT_RATE_LIMITED_MIN_US = 30_000_000L;
    public static final long DEFAULT_ERROR_CAP_US = 60_000_000L;
    public static final String DEFAULT_ERROR_FACTOR = "2";
    /** Idle-streak curves count at most this many idle ticks (2^30 x the floor). */
    public static final int MAX_STREAK_LIMIT = 30;

    private static final String NONE = ParamSpec.NO_DEFAULT;

    private ComposedDefinition() {}

    /** The parameters, in the order help and docs list them. */
    public static List<ParamSpec> params() {
        String errorCap = Durations.format(DEFAULT_ERROR_CAP_US);
        return List.of(
                ParamSpec.choice(CURVE_KIND, NONE, CurveKind.words(),
                        "Required: how the idle delay grows per idle tick."),
                ParamSpec.duration(CURVE_FLOOR, NONE, "1us",
                        "Required: the delay the curve starts at and resets to (the interval of a fixed curve)."),
                ParamSpec.duration(CURVE_CAP, NONE, "1us",
                        "Ceiling of the idle delay: required by linear, geometric and exponential, optional for"
                                + " idle-streak."),
                ParamSpec.factor(CURVE_FACTOR, NONE, "1", "Growth per idle tick of a geometric curve (required there)."),
                ParamSpec.duration(CURVE_STEP, NONE, "1us", "What a linear curve adds per idle tick (default: the floor)."),
                ParamSpec.integer(CURVE_MAX_STREAK, NONE, "0", Integer.toString(MAX_STREAK_LIMIT),
                        "Idle ticks an idle-streak curve counts: floor x 2^min(streak, maxStreak) (required there)."),
                ParamSpec.list(RESET, "work,freedSlot,wake", List.of("work", "freedSlot", "wake"),
                        "What snaps the curve back to its floor: a tick that started a job, a tick that saw a worker"
                                + " finish, a wake."),
                ParamSpec.choice(SATURATION, Saturation.HOLD.word(), Saturation.words(),
                        "What a tick with every slot busy does to the curve."),
                ParamSpec.choice(ERRORS_MODE, "backoff", List.of("backoff", "idle"),
                        "backoff: errors run the error backoffs below; idle: an error tick counts as an idle tick."),
                ParamSpec.duration(RATE_LIMITED_MIN, Durations.format(DEFAULT_RATE_LIMITED_MIN_US), "0s",
                        "Least delay after a 429."),
                ParamSpec.factor(RATE_LIMITED_FACTOR, DEFAULT_ERROR_FACTOR, "1", "Growth of the error backoff per 429."),
                ParamSpec.duration(RATE_LIMITED_CAP, errorCap, "1us", "Ceiling of the error backoff after a 429."),
                ParamSpec.duration(OTHER_MIN, "0s", "0s", "Least delay after another error (5xx)."),
                ParamSpec.factor(OTHER_FACTOR, DEFAULT_ERROR_FACTOR, "1",
                        "Growth of the error backoff per other error."),
                ParamSpec.duration(OTHER_CAP, errorCap, "1us", "Ceiling of the error backoff after another error."),
                ParamSpec.choice(JITTER_KIND, JitterKind.NONE.word(), JitterKind.words(),
                        "How backoff delays are spread: +/- a percent, or the full, equal or decorrelated jitter of"
                                + " the AWS backoff study."),
                ParamSpec.integer(JITTER_PERCENT, NONE, "0", "100",
                        "Half-width of percent jitter, in percent of the delay (required there)."),
                ParamSpec.duration(SUSPEND_AFTER, "0s", "0s",
                        "Idle time without activity after which the loop stops polling until a wake; 0s never."),
                ParamSpec.list(WAKE_ON, ParamSpec.EMPTY_LIST, List.of("localEnqueue", "retryDeadline", "freedSlot"),
                        "What wakes the loop: a job enqueued in the daemon, a retry deadline, a worker finishing."),
                ParamSpec.choice(WAKE_REARM, "earlier", List.of("earlier", "replace"),
                        "earlier: a wake only brings the pending poll forward; replace: it re-schedules it, even"
                                + " later."),
                ParamSpec.duration(DEADLINE_CLAMP_FLOOR, NONE, "0s",
                        "Clamps the next poll to the nearest known deadline, never sooner than this; off when unset."),
                ParamSpec.integer(BATCH_SIZE, "0", "0",
                        "Most jobs one tick starts; 0 no limit (hot: a config reload changes it)."),
                ParamSpec.duration(SPAWN_JITTER_MIN, "0s", "0s", "Shortest pause between two spawns of one tick."),
                ParamSpec.duration(SPAWN_JITTER_MAX, "0s", "0s", "Longest pause between two spawns of one tick."));
    }

    /** The catalogue entry. */
    public static PolicyDefinition definition() {
        return new PolicyDefinition(NAME, "beyond the seeds: composed from parts in the scenario file (docs/COMPOSE.md)",
                "A policy declared from parts: an idle curve with floor and cap, resets, saturation, error backoff,"
                        + " jitter, suspend window, wake sources, deadline clamp and batches.",
                params(), p -> new ComposedFactory(composition(p)));
    }

    /**
     * Checks the parts and puts them together.
     *
     * @throws ParamException naming the missing, unknown or contradictory field
     */
    public static Composition composition(PolicyParams p) {
        Curve curve = curve(p);
        List<String> wakeOn = p.list(WAKE_ON);
        Wakes wakes = new Wakes(wakeOn.contains("localEnqueue"), wakeOn.contains("retryDeadline"),
                wakeOn.contains("freedSlot"), p.choice(WAKE_REARM).equals("replace"));
        long suspendAfter = p.micros(SUSPEND_AFTER);
        if (suspendAfter > 0 && !wakes.any()) {
            throw new ParamException(SUSPEND_AFTER, "a loop that suspends after " + Durations.format(suspendAfter)
                    + " never polls again without a wake source: add wakeOn, such as [localEnqueue, retryDeadline]");
        }
        List<String> reset = p.list(RESET);
        if (!wakes.any()) {
            if (p.isGiven(WAKE_REARM)) {
                throw new ParamException(WAKE_REARM, "wakeRearm says what a wake does, but wakeOn names no wake source");
            }
            if (p.isGiven(RESET) && reset.contains("wake")) {
                throw new ParamException(RESET, "reset on wake needs a wake source: add wakeOn, such as [localEnqueue]");
            }
        }
        boolean errorsAsIdle = p.choice(ERRORS_MODE).equals("idle");
        if (errorsAsIdle) {
            for (String field : List.of(RATE_LIMITED_MIN, RATE_LIMITED_FACTOR, RATE_LIMITED_CAP, OTHER_MIN, OTHER_FACTOR,
                    OTHER_CAP)) {
                if (p.isGiven(field)) {
                    throw new ParamException(field, "errors.mode idle counts an error as an idle tick, so " + field
                            + " does not apply");
                }
            }
        }
        return new Composition(curve, new Resets(reset.contains("work"), reset.contains("freedSlot"),
                reset.contains("wake")), Saturation.of(p.choice(SATURATION)), errorsAsIdle,
                errorBackoff(p, RATE_LIMITED_MIN, RATE_LIMITED_FACTOR, RATE_LIMITED_CAP),
                errorBackoff(p, OTHER_MIN, OTHER_FACTOR, OTHER_CAP), jitter(p), suspendAfter, wakes,
                p.isSet(DEADLINE_CLAMP_FLOOR) ? p.micros(DEADLINE_CLAMP_FLOOR) : Composition.NO_CLAMP, batch(p));
    }

    private static Curve curve(PolicyParams p) {
        if (!p.isSet(CURVE_KIND)) {
            throw new ParamException(CURVE_KIND, "missing: a composed policy needs a curve kind, one of "
                    + String.join(", ", CurveKind.words()) + ", such as curve: {kind: geometric, factor: 1.5,"
                    + " floor: 10s, cap: 2m}");
        }
        CurveKind kind = CurveKind.of(p.choice(CURVE_KIND));
        if (!p.isSet(CURVE_FLOOR)) {
            throw new ParamException(CURVE_FLOOR, "missing: the curve needs a floor, the delay it starts at and resets"
                    + " to, such as 10s");
        }
        long floor = p.micros(CURVE_FLOOR);
        String k = curveName(kind);
        switch (kind) {
            case FIXED:
                refuse(p, CURVE_CAP, k + " does not grow, so it has no cap");
                refuse(p, CURVE_FACTOR, k + " does not grow, so it has no factor");
                refuse(p, CURVE_STEP, k + " does not grow, so it has no step");
                refuse(p, CURVE_MAX_STREAK, k + " does not grow, so it has no maxStreak");
                return new Curve(kind, floor, Curve.NO_CAP, Ratio.ONE, 0, 0);
            case LINEAR: {
                refuse(p, CURVE_FACTOR, k + " adds a step; a factor goes with a geometric curve");
                refuse(p, CURVE_MAX_STREAK, "maxStreak goes with an idle-streak curve");
                long cap = cap(p, kind, floor);
                return new Curve(kind, floor, cap, Ratio.ONE, p.isSet(CURVE_STEP) ? p.micros(CURVE_STEP) : floor, 0);
            }
            case GEOMETRIC: {
                refuse(p, CURVE_STEP, "a step goes with a linear curve");
                refuse(p, CURVE_MAX_STREAK, "maxStreak goes with an idle-streak curve");
                if (!p.isSet(CURVE_FACTOR)) {
                    throw new ParamException(CURVE_FACTOR, "missing: " + k + " needs a factor of at least 1, such as 1.5");
                }
                long cap = cap(p, kind, floor);
                return new Curve(kind, floor, cap, p.factor(CURVE_FACTOR), 0, 0);
            }
            case EXPONENTIAL: {
                refuse(p, CURVE_FACTOR, k + " doubles; for another factor use kind geometric");
                refuse(p, CURVE_STEP, "a step goes with a linear curve");
                refuse(p, CURVE_MAX_STREAK, "maxStreak goes with an idle-streak curve");
                return new Curve(kind, floor, cap(p, kind, floor), Ratio.ONE, 0, 0);
            }
            case IDLE_STREAK:
            default: {
                refuse(p, CURVE_FACTOR, k + " doubles per idle tick; for another factor use kind geometric");
                refuse(p, CURVE_STEP, "a step goes with a linear curve");
                if (!p.isSet(CURVE_MAX_STREAK)) {
                    throw new ParamException(CURVE_MAX_STREAK, "missing: " + k + " needs maxStreak, the most idle ticks"
                            + " it counts (seed 002's max_backoff_multiplier - 1), such as 7");
                }
                long cap = p.isSet(CURVE_CAP) ? cap(p, kind, floor) : Curve.NO_CAP;
                return new Curve(kind, floor, cap, Ratio.ONE, 0, p.integer(CURVE_MAX_STREAK));
            }
        }
    }

    private static long cap(PolicyParams p, CurveKind kind, long floor) {
        if (!p.isSet(CURVE_CAP)) {
            throw new ParamException(CURVE_CAP, "missing: " + curveName(kind) + " needs a cap, the ceiling it grows"
                    + " to, such as 2m");
        }
        long cap = p.micros(CURVE_CAP);
        if (cap < floor) {
            throw new ParamException(CURVE_CAP, "cap (" + Durations.format(cap) + ") is below floor ("
                    + Durations.format(floor) + ")");
        }
        return cap;
    }

    private static ErrorBackoff errorBackoff(PolicyParams p, String minField, String factorField, String capField) {
        long min = p.micros(minField);
        long cap = p.micros(capField);
        if (cap < min) {
            throw new ParamException(capField, "cap (" + Durations.format(cap) + ") is below min ("
                    + Durations.format(min) + ")");
        }
        return new ErrorBackoff(min, p.factor(factorField), cap);
    }

    private static Jitter jitter(PolicyParams p) {
        JitterKind kind = JitterKind.of(p.choice(JITTER_KIND));
        if (kind == JitterKind.PERCENT) {
            if (!p.isSet(JITTER_PERCENT)) {
                throw new ParamException(JITTER_PERCENT, "missing: percent jitter needs jitter.percent, such as 20");
            }
            return new Jitter(kind, p.integer(JITTER_PERCENT));
        }
        refuse(p, JITTER_PERCENT, "jitter.percent goes with jitter kind percent, not " + kind.word());
        return new Jitter(kind, 0);
    }

    private static Batch batch(PolicyParams p) {
        long min = p.micros(SPAWN_JITTER_MIN);
        long max = p.micros(SPAWN_JITTER_MAX);
        if (max < min) {
            throw new ParamException(SPAWN_JITTER_MAX, "max (" + Durations.format(max) + ") is below min ("
                    + Durations.format(min) + ")");
        }
        return new Batch(p.integer(BATCH_SIZE), min, max);
    }

    /** "a geometric curve", "an exponential curve". */
    private static String curveName(CurveKind kind) {
        char first = kind.word().charAt(0);
        return ("aeiou".indexOf(first) >= 0 ? "an " : "a ") + kind.word() + " curve";
    }

    private static void refuse(PolicyParams p, String field, String why) {
        if (p.isSet(field)) {
            throw new ParamException(field, why);
        }
    }
}
