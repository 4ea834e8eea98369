package dev.pollsim.sim.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.pollsim.policy.TickError;
import dev.pollsim.sim.model.FaultPlan;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The {@code faults:} section: what goes wrong, or changes, during a run.
 *
 * @param errors windows of upstream errors
 * @param jobFailures how finished jobs fail and are retried
 * @param restarts daemon restarts
 * @param reloads live config reloads
 */
public record FaultsSpec(List<ErrorWindowSpec> errors, JobFailuresSpec jobFailures, List<RestartSpec> restarts,
        List<ReloadSpec> reloads) {

    public static final FaultsSpec NONE = new FaultsSpec(null, null, null, null);

    public FaultsSpec {
        errors = errors == null ? List.of() : List.copyOf(errors);
        restarts = restarts == null ? List.of() : List.copyOf(restarts);
        reloads = reloads == null ? List.of() : List.copyOf(reloads);
    }

    /** The model's view, with the reloads' policy parameters left for each run to resolve. */
    public FaultPlan plan(List<FaultPlan.Reload> resolvedReloads) {
        return new FaultPlan(
                errors.stream().map(ErrorWindowSpec::window).toList(),
                jobFailures == null ? FaultPlan.JobFailures.NONE : jobFailures.failures(),
                restarts.stream().map(RestartSpec::restart).toList(),
                resolvedReloads);
    }

    /**
     * Between {@code from} and {@code to}, each tick reaching the upstream fails with {@code error}
     * ({@code 429} or {@code 5xx}) with probability {@code rate} (default 1).
     */
    public record ErrorWindowSpec(TimeSpan from, TimeSpan to,
            @JsonDeserialize(using = ErrorKindReader.class) TickError error, Double rate) {
        public ErrorWindowSpec {
            if (from == null || to == null || to.micros() <= from.micros()) {
                throw new IllegalArgumentException("an error window needs from and to, with to after from");
            }
            if (error == null) {
                throw new IllegalArgumentException("an error window needs error: 429 or 5xx");
            }
            rate = rate == null ? 1.0 : rate;
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("rate must be between 0 and 1, got " + rate);
            }
        }

        FaultPlan.ErrorWindow window() {
            return new FaultPlan.ErrorWindow(from.micros(), to.micros(), error, rate);
        }
    }

    /**
     * A finished job fails with {@code probability} and is retried {@code retryAfter} later, up
     * to {@code maxAttempts} runs (default 3).
     */
    public record JobFailuresSpec(Double probability, TimeSpan retryAfter, Integer maxAttempts) {
        public JobFailuresSpec {
            if (probability == null || !(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("jobFailures needs a probability between 0 and 1");
            }
            if (retryAfter == null) {
                throw new IllegalArgumentException("jobFailures needs retryAfter, a duration such as 5m");
            }
            maxAttempts = maxAttempts == null ? 3 : maxAttempts;
            if (maxAttempts < 1 || maxAttempts > 100) {
                throw new IllegalArgumentException("maxAttempts must be between 1 and 100, got " + maxAttempts);
            }
        }

        FaultPlan.JobFailures failures() {
            return new FaultPlan.JobFailures(probability, retryAfter.micros(), maxAttempts);
        }
    }

    /**
     * Daemon {@code daemon} (an index, or {@code all}, the default) restarts at {@code at}; its
     * loops start again {@code downtime} later (default 0s).
     */
    public record RestartSpec(TimeSpan at, @JsonDeserialize(using = DaemonReader.class) Integer daemon,
            TimeSpan downtime) {
        public RestartSpec {
            if (at == null) {
                throw new IllegalArgumentException("a restart needs at, a duration from the start such as 6h");
            }
            daemon = daemon == null ? FaultPlan.Restart.ALL : daemon;
            downtime = downtime == null ? new TimeSpan(0) : downtime;
        }

        FaultPlan.Restart restart() {
            return new FaultPlan.Restart(at.micros(), daemon, downtime.micros());
        }
    }

    /**
     * A live config reload at {@code at}: {@code maxConcurrent} for every daemon and hot policy
     * {@code params}, each applying to the policies that declare it.
     */
    public record ReloadSpec(TimeSpan at, Integer maxConcurrent,
            @JsonDeserialize(using = LocatedMapReader.class) Map<String, Located> params) {
        public ReloadSpec {
            if (at == null) {
                throw new IllegalArgumentException("a reload needs at, a duration from the start such as 2h");
            }
            if (maxConcurrent != null && maxConcurrent < 1) {
                throw new IllegalArgumentException("maxConcurrent must be at least 1, got " + maxConcurrent);
            }
            params = params == null ? Map.of() : Map.copyOf(params);
            if (maxConcurrent == null && params.isEmpty()) {
                throw new IllegalArgumentException("a reload needs maxConcurrent or params");
            }
        }
    }

    /** Reads {@code 429} (a number or a string) or {@code 5xx}. */
    static final class ErrorKindReader extends JsonDeserializer<TickError> {
        @Override
        public TickError deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String t = p.getText();
            if (p.currentToken().isScalarValue()) {
                if (t.equals("429")) {
                    return TickError.RATE_LIMITED;
                }
                if (t.equals("5xx") || t.matches("5\\d\\d")) {
                    return TickError.SERVER_ERROR;
                }
            }
            return (TickError) ctxt.handleWeirdStringValue(TickError.class, t, "expected 429 or 5xx, got '" + t + "'");
        }
    }

    /** Reads a daemon index or {@code all}. */
    static final class DaemonReader extends JsonDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getIntValue() >= 0) {
                return p.getIntValue();
            }
            if (p.currentToken() == JsonToken.VALUE_STRING && p.getText().equals("all")) {
                return FaultPlan.Restart.ALL;
            }
            return (Integer) ctxt.handleWeirdStringValue(Integer.class, p.getText(),
                    "expected a daemon index (0, 1, ...) or all, got '" + p.getText() + "'");
        }
    }
}
