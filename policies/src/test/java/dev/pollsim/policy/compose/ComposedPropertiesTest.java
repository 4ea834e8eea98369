package dev.pollsim.policy.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import dev.pollsim.policy.LoopSpec;
import dev.pollsim.policy.LoopState;
import dev.pollsim.policy.PolicyDefinition;
import dev.pollsim.policy.PollPolicy;
import dev.pollsim.policy.TickError;
import dev.pollsim.policy.TickOutcome;
import dev.pollsim.policy.WakeKind;
import dev.pollsim.policy.builtin.BuiltinPolicies;
import dev.pollsim.policy.param.Durations;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Invariants of a composed policy over random parts and random event sequences. */
class ComposedPropertiesTest {

    private static final long MS = 1_000L;
    private static final long S = 1_000_000L;
    private static final String[] CURVES = {"fixed", "linear", "geometric", "exponential", "idle-streak"};
    private static final String[] JITTERS = {"none", "percent", "full", "equal", "decorrelated"};
    private static final String[] SATURATIONS = {"hold", "reset", "grow"};
    private static final LoopState[] STATES = LoopState.values();
    private static final WakeKind[] WAKES = WakeKind.values();
    private static final TickError[] ERRORS = TickError.values();

    private static PollPolicy build(Map<String, String> given, long seed) {
        PolicyDefinition d = BuiltinPolicies.catalogue().find("composed").orElseThrow();
        return d.factory(d.resolve(given)).create(LoopSpec.WORKER, new SplittableRandom(seed));
    }

    @Property(tries = 400)
    void aComposedPolicyNeverAnswersANegativeDelayNorOneAboveItsCapsAndJitter(
            @ForAll @IntRange(min = 0, max = 4) int curve,
            @ForAll @LongRange(min = 1, max = 120_000) long floorMs,
            @ForAll @IntRange(min = 0, max = 50) int capFloors,
            @ForAll @IntRange(min = 100, max = 400) int factorPercent,
            @ForAll @IntRange(min = 0, max = 12) int maxStreak,
            @ForAll @IntRange(min = 0, max = 7) int resets,
            @ForAll @IntRange(min = 0, max = 2) int saturation,
            @ForAll boolean errorsAsIdle,
            @ForAll @LongRange(min = 0, max = 120) long rateLimitedMinS,
            @ForAll @LongRange(min = 1, max = 600) long errorCapS,
            @ForAll @IntRange(min = 0, max = 4) int jitter,
            @ForAll @IntRange(min = 0, max = 100) int percent,
            @ForAll @LongRange(min = 0, max = 900) long suspendAfterS,
            @ForAll @IntRange(min = 0, max = 7) int wakeOn,
            @ForAll boolean replace,
            @ForAll @LongRange(min = -1, max = 5_000) long clampFloorMs,
            @ForAll @IntRange(min = 0, max = 8) int batch,
            @ForAll long seed) {
        long floor = floorMs * MS;
        long cap = floor * (1 + capFloors);
        long errorCap = Math.max(errorCapS, rateLimitedMinS) * S;
        Map<String, String> p = new LinkedHashMap<>();
        p.put("curve.kind", CURVES[curve]);
        p.put("curve.floor", Durations.format(floor));
        if (curve == 1 || curve == 2 || curve == 3 || capFloors % 2 == 1 && curve == 4) {
            p.put("curve.cap", Durations.format(cap));
        }
        if (curve == 2) {
            p.put("curve.factor", String.valueOf(factorPercent / 100.0));
        }
        if (curve == 4) {
            p.put("curve.maxStreak", Integer.toString(maxStreak));
        }
        List<String> wakes = new ArrayList<>();
        String[] sources = {"localEnqueue", "retryDeadline", "freedSlot"};
        for (int i = 0; i < 3; i++) {
            if ((wakeOn & 1 << i) != 0) {
                wakes.add(sources[i]);
            }
        }
        List<String> reset = new ArrayList<>();
        String[] triggers = {"work", "freedSlot", "wake"};
        for (int i = 0; i < 3; i++) {
            if ((resets & 1 << i) != 0 && (i < 2 || !wakes.isEmpty())) {
                reset.add(triggers[i]);
            }
        }
        p.put("reset", reset.isEmpty() ? "none" : String.join(",", reset));
        p.put("saturation", SATURATIONS[saturation]);
        if (errorsAsIdle) {
            p.put("errors.mode", "idle");
        } else {
            p.put("errors.rateLimited.min", rateLimitedMinS + "s");
            p.put("errors.rateLimited.cap", Durations.format(errorCap));
            p.put("errors.other.cap", Durations.format(errorCap));
        }
        p.put("jitter.kind", JITTERS[jitter]);
        if (jitter == 1) {
            p.put("jitter.percent", Integer.toString(percent));
        }
        if (!wakes.isEmpty()) {
            p.put("wakeOn", String.join(",", wakes));
            p.put("suspendAfter", suspendAfterS + "s");
            p.put("wakeRearm", replace ? "replace" : "earlier");
        }
        if (clampFloorMs >= 0) {
            p.put("deadlineClamp.floor", Durations.format(clampFloorMs * MS));
        }
        p.put("batch.size", Integer.toString(batch));
        p.put("batch.spawnJitter.min", "50ms");
        p.put("batch.spawnJitter.max", "150ms");
        PollPolicy policy = build(p, seed);

        long ceiling = curve == 0 ? floor : curve == 4 && !p.containsKey("curve.cap")
                ? Math.min(floor << maxStreak, 1L << 60) : curve == 4 ? Math.min(cap, floor << maxStreak) : cap;
        long widest = Math.max(ceiling, errorsAsIdle ? 0 : errorCap);
        long bound = jitter == 1 ? widest + widest * percent / 100 + 1 : widest;

        SplittableRandom events = new SplittableRandom(seed ^ 0x5DEECE66DL);
        TickOutcome outcome = new TickOutcome();
        long now = 0;
        for (int i = 0; i < 400; i++) {
            now += events.nextLong(0, 60 * S);
            int e = events.nextInt(10);
            if (e < 6) {
                boolean saturated = events.nextInt(6) == 0;
                TickError error = saturated ? TickError.NONE : ERRORS[events.nextInt(3) == 0 ? events.nextInt(3) : 0];
                long deadline = events.nextBoolean() ? TickOutcome.NO_DEADLINE : now + events.nextLong(-S, 600 * S);
                long busy = events.nextInt(4) == 0 ? events.nextLong(0, S) : 0;
                outcome.set(saturated || error != TickError.NONE ? 0 : events.nextInt(3), events.nextInt(3), saturated,
                        error, deadline).seen(events.nextInt(5), busy);
                long d = policy.onTick(now, outcome);
                assertThat(d == PollPolicy.SUSPEND || d >= 0).as("tick answered %d", d).isTrue();
                if (d != PollPolicy.SUSPEND) {
                    assertThat(d).as("tick delay against cap %d and busy %d", bound, busy).isLessThanOrEqualTo(bound + busy);
                }
            } else if (e < 8) {
                long d = policy.onWake(now, WAKES[events.nextInt(WAKES.length)], STATES[events.nextInt(STATES.length)]);
                assertThat(d == PollPolicy.KEEP || (d >= 0 && d <= floor)).as("wake answered %d", d).isTrue();
            } else {
                long d = policy.onSlotFreed(now, STATES[events.nextInt(STATES.length)]);
                assertThat(d == PollPolicy.KEEP || (d >= 0 && d <= floor)).as("freed slot answered %d", d).isTrue();
            }
            assertThat(policy.rule()).isNotBlank();
            if (batch > 0) {
                assertThat(policy.batchLimit()).isEqualTo(batch);
            }
        }
    }

    @Test
    void theHotMethodsShouldAllocateNothing() {
        PollPolicy p = ComposedPolicyTest.policy("curve.kind", "geometric", "curve.factor", "1.5", "curve.floor", "10s",
                "curve.cap", "2m", "jitter.kind", "decorrelated", "wakeOn", "localEnqueue,freedSlot",
                "suspendAfter", "5m", "deadlineClamp.floor", "1s", "batch.size", "4",
                "batch.spawnJitter.min", "50ms", "batch.spawnJitter.max", "150ms");
        TickOutcome outcome = new TickOutcome();
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sink = run(p, outcome, 200_000);
        long before = threads.getCurrentThreadAllocatedBytes();
        sink += run(p, outcome, 200_000);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(sink).isNotZero();
        // a few hundred bytes of measurement noise at most; one object per call would be megabytes
        assertThat(allocated).isLessThan(10_000);
    }

    private static long run(PollPolicy p, TickOutcome outcome, int n) {
        long sink = 0;
        for (int i = 0; i < n; i++) {
            long now = i * 10 * S;
            outcome.set(i % 5 == 0 ? 1 : 0, i % 7 == 0 ? 1 : 0, i % 11 == 0, i % 13 == 0 ? TickError.RATE_LIMITED
                    : TickError.NONE, i % 3 == 0 ? now + 5 * S : TickOutcome.NO_DEADLINE);
            sink += p.onTick(now, outcome);
            sink += p.onWake(now, i % 2 == 0 ? WakeKind.LOCAL_ENQUEUE : WakeKind.DEADLINE,
                    i % 3 == 0 ? LoopState.SUSPENDED : LoopState.WAITING);
            sink += p.onSlotFreed(now, LoopState.WAITING);
            sink += p.spawnGapUs();
            sink += p.rule().length();
        }
        return sink;
    }
}
