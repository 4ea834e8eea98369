package dev.pollsim.sim.scenario;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.OptBoolean;
import dev.pollsim.policy.param.Ratio;
import dev.pollsim.sim.engine.RandomStreams;
import dev.pollsim.sim.trace.MinuteEdge;
import dev.pollsim.sim.trace.ServiceUnit;
import dev.pollsim.sim.trace.TimestampFormat;
import dev.pollsim.sim.trace.TraceFile;
import dev.pollsim.sim.trace.TraceFormat;
import dev.pollsim.sim.trace.TraceLayout;
import dev.pollsim.sim.trace.TraceReplay;
import dev.pollsim.sim.workload.ArrivalProcess;
import dev.pollsim.sim.workload.ArrivalSource;
import dev.pollsim.sim.workload.BurstProcess;
import dev.pollsim.sim.workload.DiurnalProcess;
import dev.pollsim.sim.workload.OnOffProcess;
import dev.pollsim.sim.workload.Origin;
import dev.pollsim.sim.workload.PoissonProcess;
import dev.pollsim.sim.workload.SyntheticArrivals;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * The {@code workload:} section: when jobs arrive and how long they run. Its {@code kind} picks
 * the arrival process; every kind takes {@code serviceTime} (default 30 s).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = WorkloadSpec.Poisson.class, name = "poisson"),
    @JsonSubTypes.Type(value = WorkloadSpec.Diurnal.class, name = "diurnal"),
    @JsonSubTypes.Type(value = WorkloadSpec.Bursty.class, name = "bursty"),
    @JsonSubTypes.Type(value = WorkloadSpec.Idle.class, name = "idle"),
    @JsonSubTypes.Type(value = WorkloadSpec.Burst.class, name = "burst"),
    @JsonSubTypes.Type(value = WorkloadSpec.Trace.class, name = "trace")
})
public sealed interface WorkloadSpec {

    /** The kinds, as written. */
    List<String> KINDS = List.of("poisson", "diurnal", "bursty", "idle", "burst", "trace");

    /** The service time of every job. */
    ServiceTimeSpec serviceTime();

    /** The arrival process, drawing from the workload's named streams. */
    ArrivalProcess process(RandomStreams streams);

    /** The jobs of this workload, every one from {@code origin}. */
    default ArrivalSource source(RandomStreams streams, Origin origin) {
        return new SyntheticArrivals(process(streams), serviceTime().sampler(streams), origin);
    }

    /** Simulated days when a scenario gives none: {@link Scenario#DEFAULT_DAYS}, or a trace's own length. */
    default int defaultDays() {
        return Scenario.DEFAULT_DAYS;
    }

    private static ServiceTimeSpec orDefault(ServiceTimeSpec s) {
        return s == null ? ServiceTimeSpec.DEFAULT : s;
    }

    private static double rate(String field, Double value) {
        if (value == null) {
            throw new IllegalArgumentException("missing " + field);
        }
        if (!(value >= 0) || value.isInfinite()) {
            throw new IllegalArgumentException(field + " must be a number >= 0, got " + value);
        }
        return value;
    }

    /**
     * Poisson arrivals at a constant rate.
     *
     * @param ratePerHour mean jobs per hour over the whole fleet
     * @param serviceTime job service time
     */
    record Poisson(Double ratePerHour, ServiceTimeSpec serviceTime) implements WorkloadSpec {
        public Poisson {
            rate("ratePerHour", ratePerHour);
            serviceTime = orDefault(serviceTime);
        }

        @Override
        public ArrivalProcess process(RandomStreams streams) {
            return new PoissonProcess(ratePerHour, streams.commonsStream("workload/arrivals"));
        }
    }

    /**
     * Poisson arrivals whose rate follows the hour of the day, and optionally the day of the week.
     *
     * @param hourly 24 rates (jobs per hour), for hours 00 to 23
     * @param dayFactors optional 7 factors scaling the profile per day, starting on day 0
     * @param serviceTime job service time
     */
    record Diurnal(List<Double> hourly, List<Double> dayFactors, ServiceTimeSpec serviceTime)
            implements WorkloadSpec {
        public Diurnal {
            if (hourly == null || hourly.size() != 24) {
                throw new IllegalArgumentException("hourly needs 24 rates (jobs per hour, hours 00 to 23), got "
                        + (hourly == null ? "none" : hourly.size()));
            }
            hourly.forEach(r -> rate("every hourly rate", r));
            if (dayFactors != null && dayFactors.size() != 7) {
                throw new IllegalArgumentException("dayFactors needs 7 factors, got " + dayFactors.size());
            }
            if (dayFactors != null) {
                dayFactors.forEach(f -> rate("every day factor", f));
            }
            hourly = List.copyOf(hourly);
            dayFactors = dayFactors == null ? List.of(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0) : List.copyOf(dayFactors);
            serviceTime = orDefault(serviceTime);
        }

        @Override
        public ArrivalProcess process(RandomStreams streams) {
            double[] week = new double[7 * 24];
            for (int d = 0; d < 7; d++) {
                for (int h = 0; h < 24; h++) {
                    week[d * 24 + h] = hourly.get(h) * dayFactors.get(d);
                }
            }
            return new DiurnalProcess(week, streams.commonsStream("workload/arrivals"),
                    streams.commonsStream("workload/thinning"));
        }
    }

    /**
     * On/off bursts (a two-state Markov-modulated Poisson process).
     *
     * @param ratePerHour rate while on
     * @param offRatePerHour rate while off (default 0)
     * @param meanOn mean on period
     * @param meanOff mean off period
     * @param serviceTime job service time
     */
    record Bursty(Double ratePerHour, Double offRatePerHour, TimeSpan meanOn, TimeSpan meanOff,
            ServiceTimeSpec serviceTime) implements WorkloadSpec {
        public Bursty {
            rate("ratePerHour", ratePerHour);
            offRatePerHour = offRatePerHour == null ? 0.0 : rate("offRatePerHour", offRatePerHour);
            if (meanOn == null || meanOn.micros() == 0 || meanOff == null || meanOff.micros() == 0) {
                throw new IllegalArgumentException("bursty needs meanOn and meanOff durations above 0");
            }
            serviceTime = orDefault(serviceTime);
        }

        @Override
        public ArrivalProcess process(RandomStreams streams) {
            return new OnOffProcess(ratePerHour, offRatePerHour, meanOn.micros(), meanOff.micros(),
                    streams.commonsStream("workload/arrivals"), streams.commonsStream("workload/modulation"));
        }
    }

    /**
     * No job ever arrives: what an idle fleet costs.
     *
     * @param serviceTime unused, accepted for symmetry
     */
    record Idle(ServiceTimeSpec serviceTime) implements WorkloadSpec {
        public Idle {
            serviceTime = orDefault(serviceTime);
        }

        @Override
        public ArrivalProcess process(RandomStreams streams) {
            return () -> ArrivalSource.NONE;
        }
    }

    /**
     * {@code count} jobs at one instant.
     *
     * @param count how many
     * @param at when, from the scenario start
     * @param serviceTime job service time
     */
    record Burst(Integer count, TimeSpan at, ServiceTimeSpec serviceTime) implements WorkloadSpec {
        public Burst {
            if (count == null || count < 0) {
                throw new IllegalArgumentException("burst needs count >= 0");
            }
            if (at == null) {
                throw new IllegalArgumentException("burst needs at, a duration from the start such as 1h");
            }
            serviceTime = orDefault(serviceTime);
        }

        @Override
        public ArrivalProcess process(RandomStreams streams) {
            return new BurstProcess(count, at.micros());
        }
    }

    /**
     * Arrivals replayed from a recorded trace file (see docs/TRACES.md).
     *
     * @param file the trace; a relative path resolves against the scenario file's directory
     * @param format {@code csv|tsv|jsonl|per-minute}; default from the file's extension
     * @param timestamp the time column and its format
     * @param service a service-time column ({@code {column, unit}}), or a duration or
     *     distribution as for the other kinds (default 30 s)
     * @param count per-minute: the column of job counts (default {@code count})
     * @param minute per-minute: which edge of its minute a row's timestamp marks, {@code start}
     *     (default) or {@code end}
     * @param queue the column naming each job's queue
     * @param queues keep only rows of these queues
     * @param origin the column holding {@code local} or {@code remote} (default: the fleet's
     *     origin)
     * @param offset when the trace's first row replays (default 0)
     * @param scale multiplies the gaps between arrivals (default 1)
     * @param repeat {@code true}, {@code false} (default) or a period: replay again to fill the
     *     scenario's days
     * @param sample the fraction of arrivals kept, seeded (default 1)
     * @param sort sort rows by time in memory before replaying (default false)
     * @param source where the scenario was read from, to resolve {@code file}
     */
    record Trace(
            String file,
            String format,
            TraceWorkload.Timestamp timestamp,
            @JsonProperty("serviceTime") TraceWorkload.ServiceTime service,
            String count,
            String minute,
            String queue,
            List<String> queues,
            String origin,
            TimeSpan offset,
            BigDecimal scale,
            TraceWorkload.Repeat repeat,
            Double sample,
            Boolean sort,
            @JacksonInject(value = PolicySetReader.SOURCE, useInput = OptBoolean.FALSE) String source)
            implements WorkloadSpec {

        public Trace {
            if (file == null || file.isBlank()) {
                throw new IllegalArgumentException("a trace needs file, the path of the trace");
            }
            service = service == null ? TraceWorkload.ServiceTime.DEFAULT : service;
            timestamp = timestamp == null ? new TraceWorkload.Timestamp(null, null) : timestamp;
            queues = queues == null ? List.of() : List.copyOf(queues);
            repeat = repeat == null ? TraceWorkload.Repeat.OFF : repeat;
            source = source == null ? "scenario" : source;
            if (!Files.isRegularFile(path(file, source))) {
                throw new IllegalArgumentException("no trace file '" + file + "' (looked for "
                        + path(file, source).toAbsolutePath().normalize() + ")");
            }
            trace(file, format, timestamp, service, count, minute, queue, queues, origin, offset, scale, repeat,
                    sample, sort, source);
        }

        /** The trace file ready to replay. */
        public TraceFile trace() {
            return trace(file, format, timestamp, service, count, minute, queue, queues, origin, offset, scale, repeat,
                    sample, sort, source);
        }

        @Override
        public ServiceTimeSpec serviceTime() {
            return service.fallback();
        }

        @Override
        public ArrivalProcess process(RandomStreams streams) {
            return source(streams, Origin.REMOTE)::next;
        }

        @Override
        public ArrivalSource source(RandomStreams streams, Origin jobOrigin) {
            return trace().arrivals(streams, service.fallback().sampler(streams), jobOrigin);
        }

        /** The trace's own length in whole days (reads the file once). */
        @Override
        public int defaultDays() {
            return Math.min(Scenario.MAX_DAYS, trace().days());
        }

        /**
         * The whole days one pass of the trace spans (after offset and scale) when that is more
         * than {@code days}, so that a run of {@code days} leaves its later arrivals out; empty
         * when the run holds it all, or with repeat, which replays until the run stops. Reads the
         * file once.
         */
        public OptionalInt daysBeyond(int days) {
            if (repeat.on()) {
                return OptionalInt.empty();
            }
            int own = trace().days();
            return own > days ? OptionalInt.of(own) : OptionalInt.empty();
        }

        private static Path path(String file, String source) {
            Path p = Path.of(file);
            if (p.isAbsolute()) {
                return p;
            }
            Path scenario = Path.of(source);
            Path dir = Files.isRegularFile(scenario) ? scenario.toAbsolutePath().getParent() : null;
            return dir == null ? p : dir.resolve(p);
        }

        private static TraceFile trace(String file, String format, TraceWorkload.Timestamp timestamp,
                TraceWorkload.ServiceTime service, String count, String minute, String queue, List<String> queues,
                String origin, TimeSpan offset, BigDecimal scale, TraceWorkload.Repeat repeat, Double sample,
                Boolean sort, String source) {
            TraceFormat f = format == null ? TraceFormat.fromFileName(file) : TraceFormat.of(format);
            if (f != TraceFormat.PER_MINUTE && (count != null || minute != null)) {
                throw new IllegalArgumentException("count and minute belong to per-minute traces, not " + f.label());
            }
            if (f == TraceFormat.PER_MINUTE && origin != null) {
                throw new IllegalArgumentException("a per-minute trace has no origin column");
            }
            TraceLayout layout = new TraceLayout(f, timestamp.column(),
                    timestamp.format() == null ? null : TimestampFormat.of(timestamp.format()),
                    service.column(), service.unit() == null ? null : ServiceUnit.of(service.unit()),
                    count, minute == null ? null : MinuteEdge.of(minute), queue, queues, origin);
            Ratio ratio;
            try {
                ratio = scale == null ? Ratio.ONE : Ratio.parse(scale.toPlainString());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("scale: " + e.getMessage(), e);
            }
            TraceReplay replay = new TraceReplay(offset == null ? 0 : offset.micros(), ratio, repeat.on(),
                    repeat.periodUs(), sample == null ? 1.0 : sample, sort != null && sort);
            return new TraceFile(path(file, source), file, layout, replay);
        }
    }
}
