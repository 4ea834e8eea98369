package dev.pollsim.sim.scenario;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.pollsim.policy.param.Durations;
import java.util.List;

/**
 * A scenario: a workload, a fleet, the policies to compare, how long and with which seed.
 *
 * @param name shown in every report
 * @param days simulated days (default 7)
 * @param seed master seed of every random stream (default 1)
 * @param workload when jobs arrive and how long they run
 * @param fleet the daemons sharing the queue
 * @param upstream the upstream's warm window, cold start and rate limit
 * @param faults error windows, job failures, restarts and reloads
 * @param policies labels to parameters; empty means every built-in policy with its defaults
 * @param source where the scenario was read from, for messages
 */
public record Scenario(
        String name,
        Integer days,
        Long seed,
        WorkloadSpec workload,
        FleetSpec fleet,
        UpstreamSpec upstream,
        FaultsSpec faults,
        @JsonDeserialize(using = PolicySetReader.class) List<PolicySpec> policies,
        @JacksonInject(value = PolicySetReader.SOURCE, useInput = OptBoolean.FALSE) String source) {

    public static final int DEFAULT_DAYS = 7;
    public static final long DEFAULT_SEED = 1L;
    /** The longest run, so that the microsecond clock and hourly series stay in range. */
    public static final int MAX_DAYS = 36_500;

    public Scenario {
        days = days == null ? (workload == null ? DEFAULT_DAYS : workload.defaultDays()) : days;
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be between 1 and " + MAX_DAYS + ", got " + days);
        }
        seed = seed == null ? DEFAULT_SEED : seed;
        if (workload == null) {
            throw new IllegalArgumentException("missing workload; expected for example {kind: poisson, ratePerHour: 30}");
        }
        fleet = fleet == null ? FleetSpec.DEFAULT : fleet;
        upstream = upstream == null ? UpstreamSpec.DEFAULT : upstream;
        faults = faults == null ? FaultsSpec.NONE : faults;
        for (FaultsSpec.RestartSpec r : faults.restarts()) {
            if (r.daemon() >= fleet.daemons()) {
                throw new IllegalArgumentException("faults.restarts: daemon " + r.daemon() + " does not exist; the fleet has "
                        + fleet.daemons() + " (0.." + (fleet.daemons() - 1) + ")");
            }
        }
        if (fleet.perDaemon() && (upstream.rateLimit() != null || upstream.warmWindow().micros() > 0)) {
            throw new IllegalArgumentException("fleet.queue: per-daemon daemons share nothing, so upstream.rateLimit and"
                    + " upstream.warmWindow (a shared upstream) cannot go with it");
        }
        if (upstream.rateLimit() != null && fleet.requestsPerTick() > upstream.rateLimit().burst()) {
            throw new IllegalArgumentException("upstream.rateLimit.burst (" + upstream.rateLimit().burst()
                    + ") is below fleet.requestsPerTick (" + fleet.requestsPerTick() + "): every tick would get 429");
        }
        policies = policies == null ? List.of() : List.copyOf(policies);
        source = source == null ? "scenario" : source;
        name = name == null ? stem(source) : name;
    }

    private static String stem(String source) {
        String base = source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
        return base.replaceFirst("\\.ya?ml$", "");
    }

    /** Simulated span in microseconds. */
    public long horizonUs() {
        return days * Durations.MICROS_PER_DAY;
    }

    public Scenario withDays(int newDays) {
        return new Scenario(name, newDays, seed, workload, fleet, upstream, faults, policies, source);
    }

    public Scenario withSeed(long newSeed) {
        return new Scenario(name, days, newSeed, workload, fleet, upstream, faults, policies, source);
    }
}
