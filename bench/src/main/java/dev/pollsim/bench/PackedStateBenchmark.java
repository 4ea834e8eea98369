package dev.pollsim.bench;

import dev.pollsim.policy.LoopSpec;
import dev.pollsim.policy.PackedPolicy;
import dev.pollsim.policy.PolicyDefinition;
import dev.pollsim.policy.PolicyFactory;
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
 * A fleet's policy decision as the loops' ticks come, in an order unrelated to the loops' indices
 * (spread phases): through an {@code exp-idle} object per loop, or through one cursor loaded
 * with the loop's packed word and stored back ({@link PackedPolicy}), as the simulation holds a
 * fleet whose policies pack. Work every 16th tick, so that resets and bumps both run.
 *
 * <p>How to run: {@code java -jar bench/target/benchmarks.jar PackedStateBenchmark -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
@State(Scope.Thread)
public class PackedStateBenchmark {

    @Param({"10000", "200000"})
    public int loops;

    private PollPolicy[] objects;
    private long[] words;
    private PackedPolicy cursor;
    /** The loops in the order their ticks come: a seeded permutation, repeated. */
    private int[] order;
    private final TickOutcome outcome = new TickOutcome();
    private long now;
    private int tick;
    private int at;

    @Setup
    public void setUp() {
        PolicyDefinition d = BuiltinPolicies.catalogue().find("exp-idle").orElseThrow();
        PolicyFactory factory = d.factory(d.resolve(Map.of()));
        SplittableRandom random = new SplittableRandom(1);
        objects = new PollPolicy[loops];
        words = new long[loops];
        order = new int[loops];
        for (int loop = 0; loop < loops; loop++) {
            objects[loop] = factory.create(LoopSpec.WORKER, random);
            words[loop] = ((PackedPolicy) objects[loop]).state();
            order[loop] = loop;
        }
        cursor = ((PackedPolicy) objects[0]).fresh();
        for (int k = loops - 1; k > 0; k--) {
            int j = random.nextInt(k + 1);
            int t = order[k];
            order[k] = order[j];
            order[j] = t;
        }
    }

    private TickOutcome next() {
        int n = (++tick & 15) == 0 ? 1 : 0;
        return outcome.set(n, 0, false, TickError.NONE, TickOutcome.NO_DEADLINE);
    }

    private int nextLoop() {
        if (++at == loops) {
            at = 0;
        }
        return order[at];
    }

    @Benchmark
    public long objectPerLoop() {
        TickOutcome o = next();
        long delay = objects[nextLoop()].onTick(now, o);
        now += 1;
        return delay;
    }

    @Benchmark
    public long packedWord() {
        TickOutcome o = next();
        int loop = nextLoop();
        cursor.load(words[loop]);
        long delay = cursor.onTick(now, o);
        words[loop] = cursor.state();
        now += 1;
        return delay;
    }
}
