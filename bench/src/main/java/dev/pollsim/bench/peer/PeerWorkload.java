package dev.pollsim.bench.peer;

import dev.pollsim.policy.PolicyDefinition;
import dev.pollsim.policy.PolicyFactory;
import dev.pollsim.policy.builtin.BuiltinPolicies;
import dev.pollsim.policy.param.Durations;
import dev.pollsim.sim.engine.RandomStreams;
import dev.pollsim.sim.workload.ArrivalSource;
import dev.pollsim.sim.workload.Origin;
import dev.pollsim.sim.workload.PoissonProcess;
import dev.pollsim.sim.workload.ServiceTime;
import dev.pollsim.sim.workload.SyntheticArrivals;
import java.util.Arrays;
import java.util.Map;

/**
 * The fleet and workload that pollsim and its peer both simulate: {@value #DAEMONS} daemons
 * sharing one FIFO queue, each one poll loop with {@value #MAX_CONCURRENT} worker slots and
 * {@value #REQUESTS_PER_TICK} request per tick, start phases uniform in [0, interval); Poisson
 * arrivals of 3,600 jobs an hour over the whole fleet, each served for exactly 30 s; one
 * simulated day.
 *
 * <p>The arrival times are drawn once, from the {@code workload/arrivals} stream of the seed,
 * exactly as pollsim's {@link SyntheticArrivals} over a {@link PoissonProcess} draws them, and
 * both engines replay the same array: the two runs see the same jobs and neither pays for the
 * sampling. Immutable.
 */
public final class PeerWorkload {

    public static final int DAEMONS = 1_000;
    public static final int MAX_CONCURRENT = 4;
    public static final int REQUESTS_PER_TICK = 1;
    public static final double JOBS_PER_HOUR = 3_600;
    public static final long SERVICE_US = 30 * Durations.MICROS_PER_SECOND;
    public static final long HORIZON_US = Durations.MICROS_PER_DAY;
    public static final long DEFAULT_SEED = 7;

    private final long seed;
    private final long[] arrivalsUs;

    private PeerWorkload(long seed, long[] arrivalsUs) {
        this.seed = seed;
        this.arrivalsUs = arrivalsUs;
    }

    /** Draws the day's arrivals from the seed's {@code workload/arrivals} stream. */
    public static PeerWorkload of(long seed) {
        ArrivalSource source = poisson(new RandomStreams(seed));
        long[] times = new long[(int) (JOBS_PER_HOUR * 24 * 1.2)];
        int n = 0;
        for (long t = source.next(); t < HORIZON_US; t = source.next()) {
            if (n == times.length) {
                times = Arrays.copyOf(times, n * 2);
            }
            times[n++] = t;
        }
        return new PeerWorkload(seed, Arrays.copyOf(times, n));
    }

    /** The workload as pollsim draws it itself, from the {@code workload/arrivals} stream. */
    public static ArrivalSource poisson(RandomStreams streams) {
        return new SyntheticArrivals(new PoissonProcess(JOBS_PER_HOUR, streams.commonsStream("workload/arrivals")),
                ServiceTime.constant(SERVICE_US), Origin.REMOTE);
    }

    /** A policy of the built-in catalogue with its default parameters ({@code fixed}, {@code exp-idle}). */
    public static PolicyFactory factory(String policy) {
        PolicyDefinition d = BuiltinPolicies.catalogue().find(policy)
                .orElseThrow(() -> new IllegalArgumentException("no built-in policy " + policy));
        return d.factory(d.resolve(Map.of()));
    }

    /** The master seed of the run: the arrivals were drawn from it, the start phases are. */
    public long seed() {
        return seed;
    }

    /** Jobs that arrive before the horizon. */
    public int jobs() {
        return arrivalsUs.length;
    }

    /** The arrival time of job {@code i}, in microseconds from the start, non-decreasing in {@code i}. */
    public long arrivalUs(int i) {
        return arrivalsUs[i];
    }

    /** The arrivals as a fresh pollsim arrival source, at its start. */
    public ArrivalSource replay() {
        return new ArrivalSource() {
            private int next;

            @Override
            public long next() {
                return next < arrivalsUs.length ? arrivalsUs[next++] : NONE;
            }

            @Override
            public long serviceUs() {
                return SERVICE_US;
            }

            @Override
            public Origin origin() {
                return Origin.REMOTE;
            }
        };
    }

    /**
     * Where loop 0 of daemon {@code daemon} ticks first, as pollsim spreads start phases: uniform in
     * [0, {@code intervalUs}) from the daemon's own {@code phase} stream of the seed.
     */
    public static long startPhaseUs(RandomStreams streams, int daemon, long intervalUs) {
        return (long) (streams.stream("fleet/daemon/" + daemon + "/loop/0/phase").nextDouble() * intervalUs);
    }
}
