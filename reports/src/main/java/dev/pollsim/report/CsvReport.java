package dev.pollsim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.pollsim.sim.metrics.LatencySummary;
import dev.pollsim.sim.metrics.PolicyResult;
import dev.pollsim.sim.metrics.RequestKind;
import dev.pollsim.sim.run.RunReport;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CSV form of a run: a header and one row per policy, with the same names and units as the
 * JSON form flattened ({@code wakeLatencyMs.p99} becomes {@code wakeLatencyMs_p99}).
 */
public final class CsvReport {

    private final CsvMapper mapper = new CsvMapper();

    /** The report as CSV, ending in a newline. */
    public String render(RunReport report) {
        List<Map<String, Object>> rows = new ArrayList<>();
        report.results().forEach(r -> rows.add(row(report, r)));
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        (rows.isEmpty() ? row(report, null) : rows.get(0)).keySet().forEach(schema::addColumn);
        try {
            return mapper.writer(schema.build()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> row(RunReport report, PolicyResult r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("scenario", report.scenario());
        row.put("seed", report.seed());
        row.put("days", report.days());
        if (r == null) {
            row.put("policy", "");
            return row;
        }
        row.put("policy", r.label());
        row.put("policyName", r.policy());
        row.put("requestsPerDay", Units.round(r.requestsPerDay(), 3));
        for (RequestKind k : RequestKind.values()) {
            row.put("requestsByKind_" + k.label(), Units.round(r.requestsPerDay(k), 3));
        }
        row.put("emptyPollFraction", Units.round(r.emptyPollFraction(), 6));
        LatencySummary w = r.wakeLatency();
        boolean none = w.count() == 0;
        row.put("wakeLatencyMs_mean", none ? "" : Units.millis(w.meanUs()));
        row.put("wakeLatencyMs_p50", none ? "" : Units.millis(w.p50Us()));
        row.put("wakeLatencyMs_p90", none ? "" : Units.millis(w.p90Us()));
        row.put("wakeLatencyMs_p99", none ? "" : Units.millis(w.p99Us()));
        row.put("wakeLatencyMs_p999", none ? "" : Units.millis(w.p999Us()));
        row.put("wakeLatencyMs_max", none ? "" : Units.millis(w.maxUs()));
        row.put("wakeLatencyMs_count", w.count());
        LatencySummary s = r.timeToStart();
        boolean noStart = s.count() == 0;
        row.put("timeToStartMs_mean", noStart ? "" : Units.millis(s.meanUs()));
        row.put("timeToStartMs_p99", noStart ? "" : Units.millis(s.p99Us()));
        row.put("timeToStartMs_max", noStart ? "" : Units.millis(s.maxUs()));
        row.put("rampTimeMs", r.rampTimeUs() < 0 ? "" : Units.millis(r.rampTimeUs()));
        row.put("jobs_arrived", r.jobs().arrived());
        row.put("jobs_retried", r.jobs().retried());
        row.put("jobs_picked", r.jobs().picked());
        row.put("jobs_stranded", r.jobs().stranded());
        row.put("jobs_completed", r.jobs().completed());
        row.put("jobs_failed", r.jobs().failed());
        row.put("jobs_pendingRetry", r.jobs().pendingRetry());
        row.put("upstream_rateLimited", r.upstream().rateLimited());
        row.put("upstream_serverErrors", r.upstream().serverErrors());
        row.put("upstream_coldStartsPerDay", Units.round(r.coldStartsPerDay(), 3));
        row.put("upstream_warmHoursPerDay", Units.round(r.warmHoursPerDay(), 3));
        row.put("loops_suspends", r.loops().suspends());
        row.put("loops_wakes", r.loops().wakes());
        row.put("loops_restarts", r.loops().restarts());
        row.put("requests", r.requests());
        row.put("ticks", r.ticks());
        row.put("saturatedTicks", r.saturatedTicks());
        StringBuilder params = new StringBuilder();
        r.params().forEach((k, v) -> params.append(params.length() == 0 ? "" : " ").append(k).append('=').append(v));
        row.put("params", params.toString());
        return row;
    }
}
