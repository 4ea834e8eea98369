package dev.pollsim.sim.scenario;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.pollsim.sim.engine.RandomStreams;
import dev.pollsim.sim.workload.ArrivalProcess;
import dev.pollsim.sim.workload.ArrivalSource;
import dev.pollsim.sim.workload.BurstProcess;
import dev.pollsim.sim.workload.DiurnalProcess;
import dev.pollsim.sim.workload.OnOffProcess;
import dev.pollsim.sim.workload.Origin;
import dev.pollsim.sim.workload.PoissonProcess;
import dev.pollsim.sim.workload.SyntheticArrivals;
import java.util.List;

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
    @JsonSubTypes.Type(value = WorkloadSpec.Burst.class, name = "burst")
})
public sealed interface WorkloadSpec {

    /** The kinds, as written. */
    List<String> KINDS = List.of("poisson", "diurnal", "bursty", "idle", "burst");

    /** The service time of every job. */
    ServiceTimeSpec serviceTime();

    /** The arrival process, drawing from the workload's named streams. */
    ArrivalProcess process(RandomStreams streams);

    /** The jobs of this workload, every one from {@code origin}. */
    default ArrivalSource source(RandomStreams streams, Origin origin) {
        return new SyntheticArrivals(process(streams), serviceTime().sampler(streams), origin);
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
}
