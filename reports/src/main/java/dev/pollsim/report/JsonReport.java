package dev.pollsim.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pollsim.sim.metrics.HourlySeries;
import dev.pollsim.sim.metrics.IntervalSeries;
import dev.pollsim.sim.metrics.LatencyCdf;
import dev.pollsim.sim.metrics.LatencySummary;
import dev.pollsim.sim.metrics.PolicyResult;
import dev.pollsim.sim.metrics.RequestKind;
import dev.pollsim.sim.run.RunReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The JSON form of a run. Field names are a public contract (scripts parse them): fields may be
 * added, never renamed or removed. Numbers are decimal and exact where the model is exact
 * (latencies are whole microseconds written as milliseconds); rates are rounded half-even to
 * three decimals. Latencies are {@code null} when no job was picked. The same report always
 * gives the same bytes.
 *
 * <pre>
 * {scenario, seed, days, daemons, warnings: [text], results: [{policy, policyName, params, requestsPerDay,
 *   requestsByKind, requestsPerDaemonPerDay, requestsByLoopPerDay, emptyPollFraction,
 *   wakeLatencyMs {mean, p50, p90, p99, p999, max, count}, timeToStartMs {...}, rampTimeMs,
 *   jobs {arrived, retried, picked, stranded, completed, failed, pendingRetry},
 *   upstream {rateLimited, serverErrors, coldStartsPerDay, warmHoursPerDay},
 *   loops {ticks, saturatedTicks, suspends, wakes, restarts, maxOverdueMs},
 *   requests, ticks, saturatedTicks, [hourly], [pollIntervals], [wakeLatencyCdf {atMostMs, fraction}]}]}
 * </pre>
 */
public final class JsonReport {

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    private final boolean withSeries;

    /**
     * @param withSeries include the series of each result: hourly counts, the first loop's poll
     *     intervals and the wake-latency distribution
     */
    public JsonReport(boolean withSeries) {
        this.withSeries = withSeries;
    }

    /** The report as a JSON document, ending in a newline. */
    public String render(RunReport report) {
        try {
            return mapper.writeValueAsString(tree(report, true)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report as a JSON tree. */
    public ObjectNode tree(RunReport report) {
        return tree(report, false);
    }

    /**
     * The report as a tree; with {@code lazyArrays} the per-daemon array is written straight from
     * the result when serialized, not held as one node per daemon, so that a fleet of a million
     * daemons renders in little memory. Either way the same bytes are written.
     */
    private ObjectNode tree(RunReport report, boolean lazyArrays) {
        ObjectNode root = mapper.createObjectNode();
        root.put("scenario", report.scenario());
        root.put("seed", report.seed());
        root.put("days", report.days());
        root.put("daemons", report.daemons());
        ArrayNode warnings = root.putArray("warnings");
        report.warnings().forEach(warnings::add);
        ArrayNode results = root.putArray("results");
        report.results().forEach(r -> results.add(result(r, lazyArrays)));
        return root;
    }

    /** One result as it appears under {@code results}; sweeps list their cells' results in this form. */
    ObjectNode result(PolicyResult r) {
        return result(r, false);
    }

    private ObjectNode result(PolicyResult r, boolean lazyArrays) {
        ObjectNode o = mapper.createObjectNode();
        o.put("policy", r.label());
        o.put("policyName", r.policy());
        ObjectNode params = o.putObject("params");
        r.params().forEach(params::put);
        o.put("requestsPerDay", Units.round(r.requestsPerDay(), 3));
        ObjectNode kinds = o.putObject("requestsByKind");
        for (RequestKind k : RequestKind.values()) {
            kinds.put(k.label(), Units.round(r.requestsPerDay(k), 3));
        }
        if (lazyArrays) {
            o.putPOJO("requestsPerDaemonPerDay", new PerDay(r.requestsPerDaemon(), r.days()));
        } else {
            ArrayNode perDaemon = o.putArray("requestsPerDaemonPerDay");
            r.requestsPerDaemon().forEach(n -> perDaemon.add(Units.round(n / r.days(), 3)));
        }
        ObjectNode perLoop = o.putObject("requestsByLoopPerDay");
        r.requestsByLoop().forEach((loop, n) -> perLoop.put(loop, Units.round(n / r.days(), 3)));
        o.put("emptyPollFraction", Units.round(r.emptyPollFraction(), 6));
        latency(o.putObject("wakeLatencyMs"), r.wakeLatency());
        latency(o.putObject("timeToStartMs"), r.timeToStart());
        if (r.rampTimeUs() < 0) {
            o.putNull("rampTimeMs");
        } else {
            o.put("rampTimeMs", Units.millis(r.rampTimeUs()));
        }
        ObjectNode jobs = o.putObject("jobs");
        jobs.put("arrived", r.jobs().arrived());
        jobs.put("retried", r.jobs().retried());
        jobs.put("picked", r.jobs().picked());
        jobs.put("stranded", r.jobs().stranded());
        jobs.put("completed", r.jobs().completed());
        jobs.put("failed", r.jobs().failed());
        jobs.put("pendingRetry", r.jobs().pendingRetry());
        ObjectNode upstream = o.putObject("upstream");
        upstream.put("rateLimited", r.upstream().rateLimited());
        upstream.put("serverErrors", r.upstream().serverErrors());
        upstream.put("coldStartsPerDay", Units.round(r.coldStartsPerDay(), 3));
        upstream.put("warmHoursPerDay", Units.round(r.warmHoursPerDay(), 3));
        ObjectNode loops = o.putObject("loops");
        loops.put("ticks", r.loops().ticks());
        loops.put("saturatedTicks", r.loops().saturatedTicks());
        loops.put("suspends", r.loops().suspends());
        loops.put("wakes", r.loops().wakes());
        loops.put("restarts", r.loops().restarts());
        loops.put("maxOverdueMs", Units.millis(r.loops().maxOverdueUs()));
        o.put("requests", r.requests());
        o.put("ticks", r.ticks());
        o.put("saturatedTicks", r.saturatedTicks());
        if (withSeries) {
            HourlySeries h = r.hourly();
            ObjectNode hourly = o.putObject("hourly");
            array(hourly.putArray("requests"), h.requests());
            array(hourly.putArray("arrivals"), h.arrivals());
            array(hourly.putArray("peakQueued"), h.peakQueued());
            IntervalSeries iv = r.intervals();
            ObjectNode intervals = o.putObject("pollIntervals");
            intervals.put("daemon", 0);
            intervals.put("loop", iv.loop());
            intervals.put("truncated", iv.truncated());
            millisArray(intervals.putArray("atMs"), iv.atUs());
            millisArray(intervals.putArray("nextDelayMs"), iv.delayUs());
            millisArray(intervals.putArray("reportedDueMs"), iv.reportedDueUs());
            millisArray(intervals.putArray("overdueMs"), iv.overdueUs());
            LatencyCdf cdf = r.wakeLatencyCdf();
            ObjectNode dist = o.putObject("wakeLatencyCdf");
            millisArray(dist.putArray("atMostMs"), cdf.atMostUs());
            ArrayNode fraction = dist.putArray("fraction");
            for (double f : cdf.fraction()) {
                fraction.add(Units.round(f, 6));
            }
        }
        return o;
    }

    private static void latency(ObjectNode into, LatencySummary w) {
        if (w.count() == 0) {
            for (String f : new String[] {"mean", "p50", "p90", "p99", "p999", "max"}) {
                into.putNull(f);
            }
        } else {
            into.put("mean", Units.millis(w.meanUs()));
            into.put("p50", Units.millis(w.p50Us()));
            into.put("p90", Units.millis(w.p90Us()));
            into.put("p99", Units.millis(w.p99Us()));
            into.put("p999", Units.millis(w.p999Us()));
            into.put("max", Units.millis(w.maxUs()));
        }
        into.put("count", w.count());
    }

    /** Microseconds as milliseconds; negative markers (a suspended loop) stay {@code null}. */
    private static void millisArray(ArrayNode into, long[] micros) {
        for (long v : micros) {
            if (v < 0) {
                into.addNull();
            } else {
                into.add(Units.millis(v));
            }
        }
    }

    private static void array(ArrayNode into, long[] values) {
        for (long v : values) {
            into.add(v);
        }
    }

    /** Counts written per day, one at a time, as the array node would write them. */
    private static final class PerDay implements JsonSerializable {
        private final List<Long> counts;
        private final double days;

        PerDay(List<Long> counts, double days) {
            this.counts = counts;
            this.days = days;
        }

        @Override
        public void serialize(JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartArray(counts, counts.size());
            for (Long n : counts) {
                gen.writeNumber(Units.round(n / days, 3));
            }
            gen.writeEndArray();
        }

        @Override
        public void serializeWithType(JsonGenerator gen, SerializerProvider provider, TypeSerializer typeSer)
                throws IOException {
            serialize(gen, provider);
        }
    }
}
