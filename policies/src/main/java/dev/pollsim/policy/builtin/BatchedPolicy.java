package dev.pollsim.policy.builtin;

import dev.pollsim.policy.PollPolicy;
import dev.pollsim.policy.TickOutcome;
import dev.pollsim.policy.param.Durations;
import dev.pollsim.policy.param.PolicyParams;
import java.util.random.RandomGenerator;

/**
 * Seed 004's batched dequeue (the spec-runner daemon, PR #13). Each tick starts up to
 * {@code min(maxWorkers - active, spawnsPerTick, queued)} jobs (the world applies the free
 * slots and the queue; this policy supplies {@code spawnsPerTick}), sleeping a seeded 50-150 ms
 * between successive spawns, then the loop sleeps {@code interval} (~5 s) before the next tick.
 * {@code spawnsPerTick} is a hot field: a config reload changes it for later ticks. Allocation-
 * free, NOT thread-safe.
 */
public final class BatchedPolicy implements PollPolicy {

    public static final long DEFAULT_INTERVAL_US = 5_000_000L;
    public static final int DEFAULT_SPAWNS_PER_TICK = 4;
    public static final long DEFAULT_SPAWN_JITTER_MIN_US = 50_000L;
    public static final long DEFAULT_SPAWN_JITTER_MAX_US = 150_000L;

    private final long intervalUs;
    private final long jitterMinUs;
    private final long jitterMaxUs;
    private final RandomGenerator jitter;
    private int spawnsPerTick;

    public BatchedPolicy(long intervalUs, int spawnsPerTick, long jitterMinUs, long jitterMaxUs, RandomGenerator jitter) {
        if (intervalUs <= 0 || spawnsPerTick < 1 || jitterMinUs < 0 || jitterMaxUs < jitterMinUs) {
            throw new IllegalArgumentException("need interval > 0, spawnsPerTick >= 1, 0 <= jitterMin <= jitterMax");
        }
        this.intervalUs = intervalUs;
        this.spawnsPerTick = spawnsPerTick;
        this.jitterMinUs = jitterMinUs;
        this.jitterMaxUs = jitterMaxUs;
        this.jitter = jitter;
    }

    @Override
    public long initialIntervalUs() {
        return intervalUs;
    }

    @Override
    public int batchLimit() {
        return spawnsPerTick;
    }

    @Override
    public long spawnGapUs() {
        return jitterMinUs + (jitterMaxUs == jitterMinUs ? 0 : jitter.nextLong(jitterMaxUs - jitterMinUs + 1));
    }

    /** The loop sleeps its interval after the tick's spawns are done. */
    @Override
    public long onTick(long nowUs, TickOutcome outcome) {
        return outcome.busyUs() + intervalUs;
    }

    /** An idle tick spawns nothing, draws nothing and sleeps the interval. */
    @Override
    public long steadyIdlePeriodUs() {
        return intervalUs;
    }

    @Override
    public String rule() {
        return "spawns, then sleep " + Durations.format(intervalUs);
    }

    @Override
    public void reconfigure(PolicyParams params) {
        if (params.has("spawnsPerTick")) {
            spawnsPerTick = params.integer("spawnsPerTick");
        }
    }
}
