package dev.pollsim.policy.builtin;

import dev.pollsim.policy.PolicyCatalogue;
import dev.pollsim.policy.PolicyDefinition;
import dev.pollsim.policy.param.Durations;
import dev.pollsim.policy.param.ParamException;
import dev.pollsim.policy.param.ParamSpec;
import java.util.List;

/** The policies pollsim ships, each faithful to its seed. */
public final class BuiltinPolicies {

    private static final String SEED_000 = "seeds/000_30f0187f20ceee28 (CLI task daemon, loop.ts)";

    private BuiltinPolicies() {}

    /** A new catalogue of every built-in policy. */
    public static PolicyCatalogue catalogue() {
        return new PolicyCatalogue(List.of(fixed(), expIdle()));
    }

    static PolicyDefinition fixed() {
        return new PolicyDefinition(
                "fixed",
                SEED_000 + ", before the change",
                "Polls at a constant interval whatever it finds; the baseline.",
                List.of(ParamSpec.duration(
                        "interval", Durations.format(FixedIntervalPolicy.DEFAULT_INTERVAL_US), "1us",
                        "Time between two polls.")),
                p -> {
                    long interval = p.micros("interval");
                    return random -> new FixedIntervalPolicy(interval);
                });
    }

    static PolicyDefinition expIdle() {
        return new PolicyDefinition(
                "exp-idle",
                SEED_000,
                "Idle ticks stretch the interval x1.5 up to 120 s; real work, a freed slot or a"
                        + " deadline resets it; separate 429 and error backoff.",
                List.of(
                        ParamSpec.duration("interval", Durations.format(ExpIdlePolicy.DEFAULT_INTERVAL_US), "1us",
                                "Base poll interval: the start of the curve and what a reset returns to."),
                        ParamSpec.factor("multiplier", ExpIdlePolicy.DEFAULT_MULTIPLIER, "1",
                                "Growth of the idle backoff per idle tick."),
                        ParamSpec.duration("cap", Durations.format(ExpIdlePolicy.DEFAULT_CAP_US), "1us",
                                "Ceiling of the idle backoff."),
                        ParamSpec.duration("deadlineFloor", Durations.format(ExpIdlePolicy.DEFAULT_DEADLINE_FLOOR_US),
                                "0s", "Least delay when the next poll is clamped to a known deadline."),
                        ParamSpec.duration("rateLimitFloor",
                                Durations.format(ExpIdlePolicy.DEFAULT_RATE_LIMIT_FLOOR_US), "0s",
                                "Least error backoff after a 429."),
                        ParamSpec.duration("errorCap", Durations.format(ExpIdlePolicy.DEFAULT_ERROR_CAP_US), "1us",
                                "Ceiling of the error backoff.")),
                p -> {
                    long base = p.micros("interval");
                    long cap = p.micros("cap");
                    if (cap < base) {
                        throw new ParamException(
                                "cap", "cap (" + Durations.format(cap) + ") is below interval ("
                                        + Durations.format(base) + ")");
                    }
                    var multiplier = p.factor("multiplier");
                    long deadlineFloor = p.micros("deadlineFloor");
                    long rateLimitFloor = p.micros("rateLimitFloor");
                    long errorCap = p.micros("errorCap");
                    return random -> new ExpIdlePolicy(base, multiplier, cap, deadlineFloor, rateLimitFloor, errorCap);
                });
    }
}
