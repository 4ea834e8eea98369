package dev.pollsim.sim.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pollsim.policy.LoopSpec;
import dev.pollsim.policy.LoopState;
import dev.pollsim.policy.PackedPolicy;
import dev.pollsim.policy.PolicyDefinition;
import dev.pollsim.policy.PolicyFactory;
import dev.pollsim.policy.PollPolicy;
import dev.pollsim.policy.TickError;
import dev.pollsim.policy.TickOutcome;
import dev.pollsim.policy.WakeKind;
import dev.pollsim.policy.builtin.BuiltinPolicies;
import dev.pollsim.policy.param.Durations;
import dev.pollsim.policy.param.PolicyParams;
import dev.pollsim.sim.engine.RandomStreams;
import dev.pollsim.sim.metrics.PolicyResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * A fleet whose policies pack their state into a word per loop ({@link LoopPolicies}) answers as
 * a fleet of one object per loop does: every number equal, through errors, 429s, restarts,
 * reloads, tick latency, fast-forward and split runs.
 */
class PackedPoliciesEquivalenceTest {

    private static final long S = Durations.MICROS_PER_SECOND;
    private static final long H = Durations.MICROS_PER_HOUR;
    private static final RunShape.TickSplit FINEST = new RunShape.TickSplit(1, 0);

    @Provide
    Arbitrary<String> packing() {
        return Arbitraries.of("exp-idle", "idle-streak", "idle-streak-clamp-bug", "gastown");
    }

    /** Parameters of either policy; a policy takes those it has. */
    @Provide
    Arbitrary<Map<String, String>> params() {
        return Arbitraries.of(Map.of(), Map.of("interval", "7s"), Map.of("cap", "30s", "multiplier", "2"),
                Map.of("interval", "1s", "errorCap", "10m", "rateLimitFloor", "45s"),
                Map.of("interval", "2s", "maxBackoffMultiplier", "3"),
                Map.of("strategy", "exponential", "agents", "3", "heartbeat", "1m", "base", "2m"));
    }

    @Property(tries = 120)
    void packingShouldChangeNoNumber(
            @ForAll("packing") String policy,
            @ForAll("params") Map<String, String> params,
            @ForAll @IntRange(min = 1, max = 30) int daemons,
            @ForAll @IntRange(min = 1, max = 3) int slots,
            @ForAll @IntRange(min = 1, max = 3) int threads,
            @ForAll boolean aligned,
            @ForAll boolean bursty,
            @ForAll @DoubleRange(min = 0, max = 120) double ratePerHour,
            @ForAll @LongRange(min = 0, max = 600) long meanServiceSeconds,
            @ForAll boolean local,
            @ForAll @IntRange(min = 0, max = 3) int failing,
            @ForAll boolean restart,
            @ForAll boolean reload,
            @ForAll @IntRange(min = 0, max = 3) int upstream,
            @ForAll boolean fastForward,
            @ForAll long seed) {
        UpstreamConfig up = switch (upstream) {
            case 1 -> new UpstreamConfig(0, 0, new UpstreamConfig.RateLimit(1, 20 * S, 2));
            case 2 -> new UpstreamConfig(300 * S, S, UpstreamConfig.RateLimit.NONE);
            default -> UpstreamConfig.NONE;
        };
        FaultPlan faults = FastForwardEquivalenceTest.faults(failing == 3 ? 0.2 : 0, 60 * S, restart, reload, slots);
        if (upstream == 3) {
            faults = new FaultPlan(List.of(new FaultPlan.ErrorWindow(2 * H, 4 * H, TickError.SERVER_ERROR, 0.5),
                    new FaultPlan.ErrorWindow(6 * H, 7 * H, TickError.RATE_LIMITED, 0.7)), faults.jobFailures(),
                    faults.restarts(), faults.reloads());
        }
        World world = new World(new FleetConfig(daemons, slots, 1, aligned ? StartPhases.ALIGNED : StartPhases.SPREAD),
                up, faults, 12 * H).withFastForward(fastForward).withTickThreads(threads);
        PolicyDefinition d = BuiltinPolicies.catalogue().find(policy).orElseThrow();
        Map<String, String> usable = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (d.params().stream().anyMatch(p -> p.name().equals(k))) {
                usable.put(k, v);
            }
        });
        PolicyFactory packing = d.factory(d.resolve(usable));

        FleetSimulation packed = new FleetSimulation(world, packing,
                FastForwardEquivalenceTest.arrivals(bursty, ratePerHour, meanServiceSeconds, local, seed),
                new RandomStreams(seed), null, 0, true, FINEST);
        FleetSimulation objects = new FleetSimulation(world, unpacked(packing),
                FastForwardEquivalenceTest.arrivals(bursty, ratePerHour, meanServiceSeconds, local, seed),
                new RandomStreams(seed), null, 0, true, FINEST);
        // (a fleet of one loop holds its one policy object: nothing to pack)
        assertThat(packed.packsPolicies()).isEqualTo(daemons * packing.loops().size() > 1);
        assertThat(objects.packsPolicies()).isFalse();

        assertThat(packed.result("p", policy, Map.of())).as(policy).isEqualTo(objects.result("p", policy, Map.of()));
    }

    @Test
    void aRestartIntoPoliciesThatDoNotPackAlikeShouldKeepEveryLoopsState() {
        PolicyDefinition d = BuiltinPolicies.catalogue().find("exp-idle").orElseThrow();
        PolicyFactory seed = d.factory(d.resolve(Map.of()));
        PolicyFactory slower = d.factory(d.resolve(Map.of("interval", "20s")));
        // the restarted daemons' policies have other settings: the fleet unpacks, every loop
        // keeping the state it had
        PolicyFactory switching = firstThen(40, seed, slower);
        PolicyFactory reference = firstThen(40, unpacked(seed), unpacked(slower));
        FaultPlan faults = new FaultPlan(List.of(), FaultPlan.JobFailures.NONE,
                List.of(new FaultPlan.Restart(3 * H, 5, 10 * S)), List.of());
        World world = new World(new FleetConfig(40, 2, 1, StartPhases.SPREAD), UpstreamConfig.NONE, faults, 8 * H)
                .withFastForward(false);
        FleetSimulation packed = new FleetSimulation(world, switching,
                FastForwardEquivalenceTest.arrivals(false, 60, 120, false, 3), new RandomStreams(3));
        assertThat(packed.packsPolicies()).isTrue();
        PolicyResult result = packed.result("p", "exp-idle", Map.of());
        assertThat(packed.packsPolicies()).as("after the restart").isFalse();
        assertThat(result).isEqualTo(new FleetSimulation(world, reference,
                FastForwardEquivalenceTest.arrivals(false, 60, 120, false, 3), new RandomStreams(3))
                .result("p", "exp-idle", Map.of()));
    }

    /** The first {@code n} policies made by {@code first}, the others by {@code then}. */
    private static PolicyFactory firstThen(int n, PolicyFactory first, PolicyFactory then) {
        return new PolicyFactory() {
            private int made;

            @Override
            public PollPolicy create(LoopSpec loop, RandomGenerator random) {
                return (made++ < n ? first : then).create(loop, random);
            }
        };
    }

    /** The factory's policies, each behind an object that does not pack. */
    static PolicyFactory unpacked(PolicyFactory factory) {
        return new PolicyFactory() {
            @Override
            public List<LoopSpec> loops() {
                return factory.loops();
            }

            @Override
            public PollPolicy create(LoopSpec loop, RandomGenerator random) {
                PollPolicy p = factory.create(loop, random);
                assertThat(p).isInstanceOf(PackedPolicy.class);
                return new Unpacked(p);
            }

            @Override
            public boolean hearsVisibleWork() {
                return factory.hearsVisibleWork();
            }

            @Override
            public boolean hearsDeadlineWakes() {
                return factory.hearsDeadlineWakes();
            }

            @Override
            public boolean rebuildsDeadlineWakesOnRestart() {
                return factory.rebuildsDeadlineWakesOnRestart();
            }
        };
    }

    /** A policy behind a plain {@link PollPolicy}, so that a fleet holds it as an object. */
    private record Unpacked(PollPolicy p) implements PollPolicy {
        @Override
        public long initialIntervalUs() {
            return p.initialIntervalUs();
        }

        @Override
        public boolean startsSuspended() {
            return p.startsSuspended();
        }

        @Override
        public int batchLimit() {
            return p.batchLimit();
        }

        @Override
        public long spawnGapUs() {
            return p.spawnGapUs();
        }

        @Override
        public long reportedDueUs(long nowUs, long delayUs) {
            return p.reportedDueUs(nowUs, delayUs);
        }

        @Override
        public boolean duesAreTicks() {
            return p.duesAreTicks();
        }

        @Override
        public long steadyIdlePeriodUs() {
            return p.steadyIdlePeriodUs();
        }

        @Override
        public void reconfigure(PolicyParams params) {
            p.reconfigure(params);
        }

        @Override
        public String rule() {
            return p.rule();
        }

        @Override
        public long onTick(long nowUs, TickOutcome outcome) {
            return p.onTick(nowUs, outcome);
        }

        @Override
        public long onSlotFreed(long nowUs, LoopState state) {
            return p.onSlotFreed(nowUs, state);
        }

        @Override
        public long onWake(long nowUs, WakeKind kind, LoopState state) {
            return p.onWake(nowUs, kind, state);
        }
    }
}
