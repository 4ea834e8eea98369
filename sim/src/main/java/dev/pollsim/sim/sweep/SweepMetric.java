package dev.pollsim.sim.sweep;

import dev.pollsim.policy.param.Durations;
import dev.pollsim.sim.metrics.LatencySummary;
import dev.pollsim.sim.metrics.PolicyResult;
import dev.pollsim.sim.metrics.RequestKind;
import dev.pollsim.sim.scenario.ScenarioException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * A number a run reports, named as in the JSON output with dots for nesting
 * ({@code requestsPerDay}, {@code wakeLatencyMs.p99}, {@code jobs.stranded},
 * {@code upstream.warmHoursPerDay}), in the JSON units (per simulated day, milliseconds). A
 * latency with no pickup is NaN, and so is the ramp time of a workload without a burst.
 *
 * @param name the dotted JSON name
 * @param places decimals kept in reports (3, or 6 for fractions)
 * @param value reads it from a result
 */
public record SweepMetric(String name, int places, ToDoubleFunction<PolicyResult> value) {

    /** Every metric, in the order of the JSON output. */
    public static final List<SweepMetric> ALL = all();

    /** The value in one result. */
    public double of(PolicyResult r) {
        return value.applyAsDouble(r);
    }

    /**
     * The metric with this name.
     *
     * @throws ScenarioException naming the known metrics
     */
    public static SweepMetric named(String name) {
        return ALL.stream().filter(m -> m.name.equals(name)).findFirst().orElseThrow(() -> new ScenarioException(
                "unknown metric '" + name + "'; expected one of " + String.join(", ", names())));
    }

    /** Every metric's name. */
    public static List<String> names() {
        return ALL.stream().map(SweepMetric::name).toList();
    }

    private static List<SweepMetric> all() {
        List<SweepMetric> m = new ArrayList<>();
        m.add(new SweepMetric("requestsPerDay", 3, PolicyResult::requestsPerDay));
        for (RequestKind k : RequestKind.values()) {
            m.add(new SweepMetric("requestsByKind." + k.label(), 3, r -> r.requestsPerDay(k)));
        }
        m.add(new SweepMetric("emptyPollFraction", 6, PolicyResult::emptyPollFraction));
        latency(m, "wakeLatencyMs", PolicyResult::wakeLatency);
        latency(m, "timeToStartMs", PolicyResult::timeToStart);
        m.add(new SweepMetric("rampTimeMs", 3, r -> r.rampTimeUs() < 0 ? Double.NaN : ms(r.rampTimeUs())));
        count(m, "jobs.arrived", r -> r.jobs().arrived());
        count(m, "jobs.retried", r -> r.jobs().retried());
        count(m, "jobs.picked", r -> r.jobs().picked());
        count(m, "jobs.stranded", r -> r.jobs().stranded());
        count(m, "jobs.completed", r -> r.jobs().completed());
        count(m, "jobs.failed", r -> r.jobs().failed());
        count(m, "jobs.pendingRetry", r -> r.jobs().pendingRetry());
        count(m, "upstream.rateLimited", r -> r.upstream().rateLimited());
        count(m, "upstream.serverErrors", r -> r.upstream().serverErrors());
        m.add(new SweepMetric("upstream.coldStartsPerDay", 3, PolicyResult::coldStartsPerDay));
        m.add(new SweepMetric("upstream.warmHoursPerDay", 3, PolicyResult::warmHoursPerDay));
        count(m, "loops.ticks", r -> r.loops().ticks());
        count(m, "loops.saturatedTicks", r -> r.loops().saturatedTicks());
        count(m, "loops.suspends", r -> r.loops().suspends());
        count(m, "loops.wakes", r -> r.loops().wakes());
        count(m, "loops.restarts", r -> r.loops().restarts());
        m.add(new SweepMetric("loops.maxOverdueMs", 3, r -> ms(r.loops().maxOverdueUs())));
        count(m, "requests", PolicyResult::requests);
        return Collections.unmodifiableList(m);
    }

    private static void latency(List<SweepMetric> into, String prefix, Function<PolicyResult, LatencySummary> of) {
        into.add(new SweepMetric(prefix + ".mean", 3, r -> none(of.apply(r)) ? Double.NaN : of.apply(r).meanUs() / 1e3));
        into.add(new SweepMetric(prefix + ".p50", 3, r -> none(of.apply(r)) ? Double.NaN : ms(of.apply(r).p50Us())));
        into.add(new SweepMetric(prefix + ".p90", 3, r -> none(of.apply(r)) ? Double.NaN : ms(of.apply(r).p90Us())));
        into.add(new SweepMetric(prefix + ".p99", 3, r -> none(of.apply(r)) ? Double.NaN : ms(of.apply(r).p99Us())));
        into.add(new SweepMetric(prefix + ".p999", 3, r -> none(of.apply(r)) ? Double.NaN : ms(of.apply(r).p999Us())));
        into.add(new SweepMetric(prefix + ".max", 3, r -> none(of.apply(r)) ? Double.NaN : ms(of.apply(r).maxUs())));
        into.add(new SweepMetric(prefix + ".count", 3, r -> of.apply(r).count()));
    }

    private static void count(List<SweepMetric> into, String name, ToLongFunction<PolicyResult> of) {
        into.add(new SweepMetric(name, 3, r -> of.applyAsLong(r)));
    }

    private static boolean none(LatencySummary s) {
        return s.count() == 0;
    }

    private static double ms(long micros) {
        return micros / (double) Durations.MICROS_PER_MILLI;
    }
}
