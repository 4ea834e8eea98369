package dev.pollsim.policy.builtin;

import dev.pollsim.policy.LoopSpec;
import dev.pollsim.policy.PolicyCatalogue;
import dev.pollsim.policy.PolicyDefinition;
import dev.pollsim.policy.PolicyFactory;
import dev.pollsim.policy.PollPolicy;
import dev.pollsim.policy.compose.ComposedDefinition;
import dev.pollsim.policy.param.Durations;
import dev.pollsim.policy.param.ParamException;
import dev.pollsim.policy.param.ParamSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The policies pollsim ships, each faithful to its seed, the variants of its findings, and the
 * composed policy a scenario declares from parts.
 */
public final class BuiltinPolicies {

    private static final String SEED_000 = "seeds/000_30f0187f20ceee28 (CLI task daemon, loop.ts)";
    private static final String SEED_001 = "seeds/001_b276a949c9978b3e (memory daemon, PR #185)";
    private static final String SEED_002 = "seeds/002_bfd3a34b76282fdb (code-graph daemon, PR #68)";
    private static final String SEED_003 = "seeds/003_8eb9734bebaddb03 (agent supervisor, backoff.go)";
    private static final String SEED_004 = "seeds/004_362ab17acd62ae39 (spec-runner daemon, PR #13)";

    private BuiltinPolicies() {}

    /**
     * A new catalogue of every built-in policy. {@code composed} runs only when a scenario
     * declares it: without parts it has no curve.
     */
    public static PolicyCatalogue catalogue() {
        List<PolicyDefinition> all = new ArrayList<>();
        all.add(fixed());
        all.add(expIdle());
        all.add(hibernate("hibernate", SEED_001 + ", with every review finding fixed",
                "Backs off x2 from 1 s to 30 s with jitter, stops polling after 5 min idle; a local enqueue,"
                        + " a retry deadline or a restart wakes it; a reaper loop hibernates too.",
                HibernatePolicy.Flaws.NONE, true, true));
        all.add(hibernate("hibernate-wake-suspended-only", SEED_001 + ", first review: wake() re-arms only suspended loops",
                "hibernate as first written: a wake re-arms a suspended loop but leaves a backed-off loop on its long timer.",
                new HibernatePolicy.Flaws(true, false), true, true));
        all.add(hibernate("hibernate-no-retry-wake", SEED_001 + ", first review: no wake at a retry deadline",
                "hibernate with no wake at a failed job's retry deadline: a retry waits for unrelated activity.",
                HibernatePolicy.Flaws.NONE, false, true));
        all.add(hibernate("hibernate-lost-inflight-wake", SEED_001 + ", second review: a wake during an in-flight tick is lost",
                "hibernate whose wake during an in-flight tick is overwritten by that tick's empty outcome.",
                new HibernatePolicy.Flaws(false, true), true, true));
        all.add(hibernate("hibernate-retry-wake-lost-on-restart", SEED_001 + ", second review: retry wakes are not rebuilt",
                "hibernate whose in-memory retry-deadline wakes die with a restart.",
                HibernatePolicy.Flaws.NONE, true, false));
        all.add(idleStreak("idle-streak", false));
        all.add(idleStreak("idle-streak-clamp-bug", true));
        all.add(gastown());
        all.add(batched());
        all.add(oracle());
        all.add(ComposedDefinition.definition());
        return new PolicyCatalogue(all, Set.of(ComposedDefinition.NAME));
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
                    // stateless, so every loop shares one instance
                    FixedIntervalPolicy shared = new FixedIntervalPolicy(p.micros("interval"));
                    return PolicyFactory.single(random -> shared);
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
                    requireAtLeast("cap", cap, "interval", base);
                    var multiplier = p.factor("multiplier");
                    long deadlineFloor = p.micros("deadlineFloor");
                    long rateLimitFloor = p.micros("rateLimitFloor");
                    long errorCap = p.micros("errorCap");
                    var settings = new ExpIdlePolicy.Settings(base, multiplier, cap, deadlineFloor, rateLimitFloor, errorCap);
                    ExpIdlePolicy first = new ExpIdlePolicy(settings);
                    return PolicyFactory.single(random -> first.fresh());
                });
    }

    private static List<ParamSpec> hibernateParams() {
        return List.of(
                ParamSpec.duration("floor", Durations.format(HibernatePolicy.DEFAULT_FLOOR_US), "1us",
                        "Fast cadence a lease or a wake returns to."),
                ParamSpec.duration("ceiling", Durations.format(HibernatePolicy.DEFAULT_CEILING_US), "1us",
                        "Longest step of the adaptive backoff."),
                ParamSpec.factor("multiplier", HibernatePolicy.DEFAULT_MULTIPLIER, "1",
                        "Growth of the step per empty lease."),
                ParamSpec.integer("jitterPercent", Integer.toString(HibernatePolicy.DEFAULT_JITTER_PERCENT), "0", "100",
                        "How much shorter than its step a wait may be, in percent (jitter never lengthens)."),
                ParamSpec.duration("suspendAfter", Durations.format(HibernatePolicy.DEFAULT_SUSPEND_AFTER_US), "0s",
                        "Idle window of summed un-jittered steps after which a loop stops polling; 0s never."),
                ParamSpec.flag("suspend", "true", "Hibernation on or off (HONEYCOMB_POLL_SUSPEND_ENABLED)."),
                ParamSpec.integer("workers", "4", "1", "Kind-worker loops per daemon; jobs land in the first kind's lane."),
                ParamSpec.duration("reaperInterval", Durations.format(ReaperPolicy.DEFAULT_INTERVAL_US), "1us",
                        "Time between two sweeps of the job-queue reaper."),
                ParamSpec.integer("reaperIdleSweeps", Integer.toString(ReaperPolicy.DEFAULT_IDLE_SWEEPS), "0",
                        "Consecutive idle sweeps before the reaper hibernates; 0 never."));
    }

    private static PolicyDefinition hibernate(String name, String seed, String summary, HibernatePolicy.Flaws flaws,
            boolean retryWakes, boolean rebuildOnRestart) {
        return new PolicyDefinition(name, seed, summary, hibernateParams(), p -> {
            long floor = p.micros("floor");
            long ceiling = p.micros("ceiling");
            requireAtLeast("ceiling", ceiling, "floor", floor);
            boolean suspend = p.flag("suspend");
            HibernatePolicy.Backoff backoff = new HibernatePolicy.Backoff(floor, ceiling, p.factor("multiplier"),
                    p.integer("jitterPercent"), suspend ? p.micros("suspendAfter") : 0);
            return new HibernateFactory(backoff, flaws, p.integer("workers"), p.micros("reaperInterval"),
                    suspend ? p.integer("reaperIdleSweeps") : 0, retryWakes, rebuildOnRestart);
        });
    }

    static PolicyDefinition idleStreak(String name, boolean clampBug) {
        List<ParamSpec> params = new ArrayList<>(List.of(
                ParamSpec.duration("interval", Durations.format(IdleStreakPolicy.DEFAULT_INTERVAL_US), "1us",
                        "Base poll interval (poll_interval_ms)."),
                ParamSpec.integer("maxBackoffMultiplier", Integer.toString(IdleStreakPolicy.DEFAULT_MAX_BACKOFF_MULTIPLIER),
                        "1", "Caps the exponent: the interval grows to base x 2^(max-1), as the seed computes it."),
                ParamSpec.duration("minWait", Durations.format(IdleStreakPolicy.DEFAULT_MIN_WAIT_US), "1us",
                        "Shortest sleep of the server loop.")));
        if (clampBug) {
            params.add(ParamSpec.duration("maxWait", Durations.format(IdleStreakPolicy.DEFAULT_MAX_WAIT_US), "1us",
                    "Longest sleep of the server loop: the clamp that negates the backoff."));
        }
        return new PolicyDefinition(name,
                SEED_002 + (clampBug ? ", first version as reviewed: clamp(25, 1000) and a due check on the base" : ""),
                clampBug ? "idle-streak as first written: the wait is clamped to 1 s and the due check uses the base"
                        + " interval, so the loop ticks every base interval; the backoff is negated."
                        : "Doubles the interval per idle tick up to 2^(max-1) x base; work resets the streak;"
                        + " remaining-time scheduling.",
                params,
                p -> {
                    long base = p.micros("interval");
                    int max = p.integer("maxBackoffMultiplier");
                    long minWait = p.micros("minWait");
                    long maxWait = clampBug ? p.micros("maxWait") : Long.MAX_VALUE;
                    if (clampBug) {
                        requireAtLeast("maxWait", maxWait, "minWait", minWait);
                    }
                    var settings = new IdleStreakPolicy.Settings(base, max, minWait, maxWait, clampBug);
                    return PolicyFactory.single(random -> new IdleStreakPolicy(settings));
                });
    }

    static PolicyDefinition gastown() {
        return new PolicyDefinition("gastown", SEED_003,
                "Per-agent pokes decided on a 5-minute heartbeat: fixed, geometric (x1.5) or exponential (x2)"
                        + " growth per miss from 5 to 30 min; activity resets.",
                List.of(
                        ParamSpec.choice("strategy", "geometric", List.of("fixed", "geometric", "exponential"),
                                "How the interval grows after a miss."),
                        ParamSpec.duration("base", Durations.format(GastownPolicy.DEFAULT_BASE_US), "1us",
                                "Starting interval, and what activity resets to."),
                        ParamSpec.duration("max", Durations.format(GastownPolicy.DEFAULT_MAX_US), "1us",
                                "Cap on the interval."),
                        ParamSpec.factor("factor", GastownPolicy.DEFAULT_FACTOR, "1", "Multiplier of the geometric strategy."),
                        ParamSpec.duration("heartbeat", Durations.format(GastownPolicy.DEFAULT_HEARTBEAT_US), "1us",
                                "The daemon's heartbeat: pokes are decided only on beats."),
                        ParamSpec.integer("agents", "2", "1",
                                "Supervised agents per daemon, one loop each; jobs land in the first agent's lane.")),
                p -> {
                    GastownPolicy.Strategy strategy = GastownPolicy.Strategy.of(p.choice("strategy"));
                    long base = p.micros("base");
                    long max = p.micros("max");
                    requireAtLeast("max", max, "base", base);
                    var settings = new GastownPolicy.Settings(strategy, base, max, p.factor("factor"),
                            p.micros("heartbeat"));
                    List<LoopSpec> loops = new ArrayList<>();
                    for (int k = 0; k < p.integer("agents"); k++) {
                        loops.add(new LoopSpec("agent-" + (k + 1), LoopSpec.Role.WORKER, k));
                    }
                    return new PolicyFactory() {
                        @Override
                        public List<LoopSpec> loops() {
                            return List.copyOf(loops);
                        }

                        @Override
                        public PollPolicy create(LoopSpec loop, RandomGenerator random) {
                            return new GastownPolicy(settings);
                        }
                    };
                });
    }

    static PolicyDefinition batched() {
        return new PolicyDefinition("batched", SEED_004,
                "A ~5 s tick starting up to spawnsPerTick jobs with 50-150 ms between spawns; spawnsPerTick=1 is"
                        + " the old 40 s ramp; hot-reloadable.",
                List.of(
                        ParamSpec.duration("interval", Durations.format(BatchedPolicy.DEFAULT_INTERVAL_US), "1us",
                                "Sleep after each tick."),
                        ParamSpec.integer("spawnsPerTick", Integer.toString(BatchedPolicy.DEFAULT_SPAWNS_PER_TICK), "1",
                                "Most jobs one tick starts (hot: a config reload changes it)."),
                        ParamSpec.duration("spawnJitterMin", Durations.format(BatchedPolicy.DEFAULT_SPAWN_JITTER_MIN_US),
                                "0s", "Shortest pause between two spawns of one tick."),
                        ParamSpec.duration("spawnJitterMax", Durations.format(BatchedPolicy.DEFAULT_SPAWN_JITTER_MAX_US),
                                "0s", "Longest pause between two spawns of one tick.")),
                p -> {
                    long interval = p.micros("interval");
                    int spawns = p.integer("spawnsPerTick");
                    long min = p.micros("spawnJitterMin");
                    long max = p.micros("spawnJitterMax");
                    requireAtLeast("spawnJitterMax", max, "spawnJitterMin", min);
                    return PolicyFactory.single(random -> new BatchedPolicy(interval, spawns, min, max, random));
                });
    }

    static PolicyDefinition oracle() {
        return new PolicyDefinition("oracle", "beyond the seeds: the lower bound",
                "Polls exactly when work becomes visible: zero wake latency with the fewest requests possible.",
                List.of(),
                p -> new PolicyFactory() {
                    @Override
                    public PollPolicy create(LoopSpec loop, RandomGenerator random) {
                        return new OraclePolicy();
                    }

                    @Override
                    public boolean hearsVisibleWork() {
                        return true;
                    }
                });
    }

    private static void requireAtLeast(String name, long value, String other, long otherValue) {
        if (value < otherValue) {
            throw new ParamException(name, name + " (" + Durations.format(value) + ") is below " + other + " ("
                    + Durations.format(otherValue) + ")");
        }
    }

}
