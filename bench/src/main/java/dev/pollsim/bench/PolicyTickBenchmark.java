package dev.pollsim.bench;

import dev.pollsim.policy.LoopSpec;
import dev.pollsim.policy.PolicyDefinition;
import dev.pollsim.policy.PollPolicy;
import dev.pollsim.policy.TickError;
import dev.pollsim.policy.TickOutcome;
import dev.pollsim.policy.builtin.BuiltinPolicies;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One policy decision: {@link PollPolicy#onTick} on a tick outcome, mostly idle with work every
 * 16th tick so that resets and bumps both run.
 *
 * <p>How to run: {@code java -jar bench/target/benchmarks.jar PolicyTickBenchmark -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
@State(Scope.Thread)
public class PolicyTickBenchmark {

    /** A composed policy with jitter, a clamp and a suspend window: its busiest decision path. */
    private static final Map<String, String> COMPOSED = Map.of("curve.kind", "geometric", "curve.factor", "1.5",
            "curve.floor", "10s", "curve.cap", "2m", "jitter.kind", "equal", "wakeOn", "localEnqueue",
            "suspendAfter", "1h", "deadlineClamp.floor", "1s");

    @Param({"fixed", "exp-idle", "composed"})
    public String policy;

    private PollPolicy instance;
    private final TickOutcome outcome = new TickOutcome();
    private long now;
    private int tick;

    @Setup
    public void setUp() {
        PolicyDefinition d = BuiltinPolicies.catalogue().find(policy).orElseThrow();
        instance = d.factory(d.resolve(policy.equals("composed") ? COMPOSED : Map.of()))
                .create(LoopSpec.WORKER, new SplittableRandom(1));
    }

    @Benchmark
    public long decide() {
        int n = (++tick & 15) == 0 ? 1 : 0;
        long delay = instance.onTick(now, outcome.set(n, 0, false, TickError.NONE, TickOutcome.NO_DEADLINE));
        now += delay;
        return delay;
    }
}
