package dev.pollsim.sim.sweep;

import dev.pollsim.sim.engine.RandomStreams;
import dev.pollsim.sim.scenario.ScenarioException;
import java.util.List;

/**
 * How many replications each point of a sweep gets: a fixed number, or (sequential mode) an
 * initial number and then more in rounds until every target metric's relative 95% half-width is
 * at most {@code targetRelativeHalfWidth}, or {@code max} replications are reached.
 *
 * <p>Replication {@code r} of a scenario with master seed {@code S} runs with the master seed
 * {@code new RandomStreams(S).replication(r).masterSeed()}: replication 0 is the scenario's own
 * seed (so it is exactly {@code pollsim run}), every other is an independent, SplitMix64-mixed
 * seed. Every point of a sweep uses the same seeds (common random numbers), so points compare
 * on the same arrivals.
 *
 * @param initial replications of the first round, at least 1 (at least 2 in sequential mode)
 * @param targetRelativeHalfWidth the sequential target ({@code 0.05}: plus or minus 5% of the
 *     mean), or 0 for a fixed number
 * @param max the most replications a point gets in sequential mode ({@code initial} otherwise)
 * @param targetMetrics the metrics the sequential target applies to
 */
public record Replications(int initial, double targetRelativeHalfWidth, int max, List<String> targetMetrics) {

    /** The metrics a sequential target applies to unless told otherwise. */
    public static final List<String> DEFAULT_TARGET_METRICS = List.of("requestsPerDay", "wakeLatencyMs.p99");

    public Replications {
        targetMetrics = List.copyOf(targetMetrics);
        if (initial < 1) {
            throw new ScenarioException("--replications must be at least 1, got " + initial);
        }
        if (!(targetRelativeHalfWidth >= 0) || Double.isInfinite(targetRelativeHalfWidth)) {
            throw new ScenarioException("--target-half-width must be a positive fraction such as 0.05, got "
                    + targetRelativeHalfWidth);
        }
        if (targetRelativeHalfWidth > 0) {
            if (initial < 2) {
                throw new ScenarioException("--replications must be at least 2 with --target-half-width:"
                        + " one value has no interval, got " + initial);
            }
            if (max < initial) {
                throw new ScenarioException("--max-replications (" + max + ") is below --replications ("
                        + initial + ")");
            }
            for (String m : targetMetrics) {
                try {
                    SweepMetric.named(m);
                } catch (ScenarioException e) {
                    throw new ScenarioException("--target-metric " + m + ": " + e.getMessage());
                }
            }
        } else {
            max = initial;
        }
    }

    /** A fixed number of replications. */
    public static Replications fixed(int n) {
        return new Replications(n, 0, n, List.of());
    }

    /** Whether more replications are added until a target is met. */
    public boolean sequential() {
        return targetRelativeHalfWidth > 0;
    }

    /** The master seed of replication {@code r} of a scenario whose seed is {@code baseSeed}. */
    public static long seedOf(long baseSeed, int r) {
        return new RandomStreams(baseSeed).replication(r).masterSeed();
    }

    /**
     * How many replications a point should have after the next round, given that it has {@code n}
     * and its worst target metric's relative half-width is {@code worst}: {@code n} when the
     * target is met (or no interval can ever be formed, {@code worst} NaN) or the cap is reached;
     * otherwise the classic estimate {@code n x (worst / target)^2}, but at least one more and at
     * most twice {@code n} (an early, noisy estimate must not overshoot), capped at {@code max}.
     */
    public int next(int n, double worst) {
        if (!sequential() || n >= max || Double.isNaN(worst) || worst <= targetRelativeHalfWidth) {
            return n;
        }
        double ratio = worst / targetRelativeHalfWidth;
        double wanted = Double.isInfinite(ratio) ? 2.0 * n : Math.ceil(n * ratio * ratio);
        long next = Math.max(n + 1L, Math.min(2L * n, (long) Math.min(wanted, Integer.MAX_VALUE)));
        return (int) Math.min(max, next);
    }
}
