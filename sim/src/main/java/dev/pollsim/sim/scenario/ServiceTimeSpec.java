package dev.pollsim.sim.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.pollsim.sim.engine.RandomStreams;
import dev.pollsim.sim.workload.ServiceTime;
import java.io.IOException;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;

/**
 * How long a worker runs a job. Written as a duration ({@code 30s}, every job alike) or as a
 * distribution: {@code {dist: exponential, mean: 10m}}, {@code {dist: lognormal, mean: 5m,
 * sigma: 1}} (sigma of the underlying normal), {@code {dist: constant, value: 30s}}.
 *
 * @param dist {@code constant}, {@code exponential} or {@code lognormal}
 * @param mean the mean (or the constant value)
 * @param sigma the lognormal shape; 0 for the others
 */
@JsonDeserialize(using = ServiceTimeSpec.Reader.class)
public record ServiceTimeSpec(String dist, TimeSpan mean, double sigma) {

    /** Every job takes 30 s unless a scenario says otherwise. */
    public static final ServiceTimeSpec DEFAULT = new ServiceTimeSpec("constant", TimeSpan.parse("30s"), 0);

    public ServiceTimeSpec {
        switch (dist) {
            case "constant":
            case "exponential":
                break;
            case "lognormal":
                if (!(sigma > 0) || Double.isInfinite(sigma)) {
                    throw new IllegalArgumentException("a lognormal service time needs sigma > 0, got " + sigma);
                }
                break;
            default:
                throw new IllegalArgumentException(
                        "unknown dist '" + dist + "'; expected constant, exponential or lognormal");
        }
        if (mean == null) {
            throw new IllegalArgumentException("a " + dist + " service time needs "
                    + (dist.equals("constant") ? "value" : "mean"));
        }
        if (!dist.equals("constant") && mean.micros() == 0) {
            throw new IllegalArgumentException("a " + dist + " service time needs a mean above 0");
        }
    }

    /** The sampler, drawing from the {@code workload/service} stream. */
    public ServiceTime sampler(RandomStreams streams) {
        switch (dist) {
            case "constant":
                return ServiceTime.constant(mean.micros());
            case "exponential":
                return ServiceTime.of(new ExponentialDistribution(
                        streams.commonsStream("workload/service"), mean.micros()));
            case "lognormal": {
                double scale = StrictMath.log(mean.micros()) - sigma * sigma / 2;
                return ServiceTime.of(new LogNormalDistribution(
                        streams.commonsStream("workload/service"), scale, sigma,
                        LogNormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY));
            }
            default:
                throw new AssertionError(dist);
        }
    }

    @Override
    public String toString() {
        return dist.equals("constant") ? mean.toString()
                : dist + "(mean " + mean + (dist.equals("lognormal") ? ", sigma " + sigma : "") + ")";
    }

    /** The object form of a service time, as written. */
    record Written(String dist, TimeSpan value, TimeSpan mean, Double sigma) {}

    /** Reads either a duration string or the object form. */
    static final class Reader extends JsonDeserializer<ServiceTimeSpec> {
        @Override
        public ServiceTimeSpec deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                return new ServiceTimeSpec("constant", ctxt.readValue(p, TimeSpan.class), 0);
            }
            if (p.currentToken() != JsonToken.START_OBJECT) {
                return (ServiceTimeSpec) ctxt.handleUnexpectedToken(ServiceTimeSpec.class, p.currentToken(), p,
                        "expected a duration such as 30s or {dist: exponential, mean: 10m}");
            }
            Written w = ctxt.readValue(p, Written.class);
            String dist = w.dist() == null ? "constant" : w.dist();
            TimeSpan mean = dist.equals("constant") ? w.value() : w.mean();
            if (dist.equals("constant") ? w.mean() != null : w.value() != null) {
                ctxt.reportInputMismatch(ServiceTimeSpec.class, dist.equals("constant")
                        ? "a constant service time takes 'value', not 'mean'"
                        : "a " + dist + " service time takes 'mean', not 'value'");
            }
            if (!dist.equals("lognormal") && w.sigma() != null) {
                ctxt.reportInputMismatch(ServiceTimeSpec.class, "only a lognormal service time takes 'sigma'");
            }
            try {
                return new ServiceTimeSpec(dist, mean, w.sigma() == null ? 0 : w.sigma());
            } catch (IllegalArgumentException e) {
                ctxt.reportInputMismatch(ServiceTimeSpec.class, e.getMessage());
                return null;
            }
        }
    }
}
