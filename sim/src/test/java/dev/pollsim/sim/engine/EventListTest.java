package dev.pollsim.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

class EventListTest {

    @Test
    void shouldRunSameInstantEventsInKindOrderThenSchedulingOrder() {
        EventList events = new EventList(4);
        events.schedule(100, EventKind.TICK, 1);
        events.schedule(100, EventKind.CONTROL, 2);
        events.schedule(100, EventKind.TICK, 3);
        events.schedule(100, EventKind.COMPLETION, 4);
        events.schedule(100, EventKind.ARRIVAL, 5);
        events.schedule(50, EventKind.TICK, 6);
        events.schedule(100, EventKind.ARRIVAL, 7);
        List<Integer> order = new ArrayList<>();
        while (!events.isEmpty()) {
            order.add(events.pop());
        }
        assertThat(order).containsExactly(6, 5, 7, 4, 2, 1, 3);
    }

    @Test
    void shouldReportThePoppedEvent() {
        EventList events = new EventList(4);
        long seq = events.schedule(42, EventKind.COMPLETION, 9);
        assertThat(events.pop()).isEqualTo(9);
        assertThat(events.lastTime()).isEqualTo(42);
        assertThat(events.now()).isEqualTo(42);
        assertThat(events.lastKind()).isEqualTo(EventKind.COMPLETION);
        assertThat(events.lastSeq()).isEqualTo(seq);
    }

    @Test
    void shouldRefuseToScheduleInThePastWithAClearMessage() {
        EventList events = new EventList(4);
        events.schedule(10_000_000, EventKind.TICK, 0);
        events.pop();
        assertThatThrownBy(() -> events.schedule(9_000_000, EventKind.TICK, 3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot schedule a tick event")
                .hasMessageContaining("at 9s")
                .hasMessageContaining("simulated time is already 10s");
        events.schedule(10_000_000, EventKind.TICK, 3);
        assertThat(events.size()).isEqualTo(1);
    }

    @Test
    void shouldGrowFarPastItsInitialCapacity() {
        EventList events = new EventList(4);
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            events.schedule((i * 7919L) % 100_003, EventKind.TICK, i);
        }
        assertThat(events.size()).isEqualTo(n);
        long last = -1;
        for (int i = 0; i < n; i++) {
            events.pop();
            assertThat(events.lastTime()).isGreaterThanOrEqualTo(last);
            last = events.lastTime();
        }
        assertThat(events.isEmpty()).isTrue();
    }

    @Test
    void keyedEventsShouldRunByKeyThenPayloadWhateverTheInsertionOrder() {
        EventList events = new EventList(4);
        events.schedule(100, EventKind.TICK, 7L, 3);
        events.schedule(100, EventKind.TICK, 5L, 9);
        events.schedule(100, EventKind.TICK, 7L, 1);
        events.schedule(100, EventKind.CONTROL, 8);
        List<Integer> order = new ArrayList<>();
        while (!events.isEmpty()) {
            order.add(events.pop());
        }
        assertThat(order).containsExactly(8, 9, 1, 3);
    }

    @Test
    void farEventsShouldWaitAndComeBackInOrder() {
        EventList events = new EventList(16);
        // a dense cluster near now, then events days away that the wheel cannot hold at first
        for (int i = 0; i < 1_000; i++) {
            events.schedule(i * 1_000L, EventKind.TICK, i);
        }
        long day = 86_400_000_000L;
        for (int i = 0; i < 1_000; i++) {
            events.schedule(day * (1 + i % 7) + i, EventKind.COMPLETION, 10_000 + i);
        }
        long last = -1;
        int count = 0;
        while (!events.isEmpty()) {
            events.pop();
            assertThat(events.lastTime()).isGreaterThanOrEqualTo(last);
            last = events.lastTime();
            count++;
            if (count % 3 == 0 && count < 1_500) {
                events.schedule(last + (count % 11) * 7_777L, EventKind.TICK, count);
            }
        }
        assertThat(count).isEqualTo(2_000 + 499);
    }

    @Test
    void eventsSharingABucketShouldPopInOrderWhicheverWayTheyArrive() {
        EventList events = new EventList(16);
        // one instant, keys descending: each new event goes before the bucket's first one
        for (int i = 0; i < 5_000; i++) {
            events.schedule(1_000, EventKind.TICK, 5_000L - i, i);
        }
        // the same instant, keys ascending: each one appends at the bucket's tail
        for (int i = 0; i < 5_000; i++) {
            events.schedule(1_000, EventKind.TICK, 10_000L + i, 5_000 + i);
        }
        // keys interleaved into the middle of the bucket's list
        for (int i = 0; i < 100; i++) {
            events.schedule(1_000, EventKind.TICK, 5_001L + 49 * i, 10_000 + i);
        }
        long lastKey = -1;
        int popped = 0;
        while (!events.isEmpty()) {
            events.pop();
            assertThat(events.lastTime()).isEqualTo(1_000);
            assertThat(events.lastSeq()).isGreaterThan(lastKey);
            lastKey = events.lastSeq();
            popped++;
        }
        assertThat(popped).isEqualTo(10_100);
    }

    /** Holds what the reference queue compares. */
    private record Ref(long time, int kind, long seq, int payload) {}

    @Property(tries = 300)
    void shouldPopInTheSameOrderAsAReferenceQueue(@ForAll("operations") List<Tuple.Tuple3<Boolean, Long, Integer>> ops) {
        EventList events = new EventList(4);
        PriorityQueue<Ref> reference = new PriorityQueue<>(Comparator.comparingLong(Ref::time)
                .thenComparingInt(Ref::kind).thenComparingLong(Ref::seq).thenComparingInt(Ref::payload));
        int payload = 0;
        for (var op : ops) {
            if (op.get1() || reference.isEmpty()) {
                // mostly near events, some far ones (hours to weeks) to exercise the far heap
                long gap = op.get2() % 5 == 0 ? op.get2() * 3_600_000_000L : op.get2();
                long t = events.now() + gap;
                int kind = op.get3();
                if (kind == EventKind.TICK && op.get2() % 2 == 0) {
                    long key = op.get2() % 3;
                    events.schedule(t, kind, key, payload);
                    reference.add(new Ref(t, kind, key, payload++));
                } else {
                    long seq = events.schedule(t, kind, payload);
                    reference.add(new Ref(t, kind, seq, payload++));
                }
            } else if (op.get2() % 7 == 0) {
                // a peek without a pop: later schedules may still come before the peeked event
                assertThat(events.peekTime()).isEqualTo(reference.peek().time());
            } else {
                Ref expected = reference.poll();
                assertThat(events.pop()).isEqualTo(expected.payload());
                assertThat(events.lastTime()).isEqualTo(expected.time());
                assertThat(events.lastKind()).isEqualTo(expected.kind());
            }
        }
        while (!reference.isEmpty()) {
            assertThat(events.pop()).isEqualTo(reference.poll().payload());
        }
        assertThat(events.isEmpty()).isTrue();
    }

    @Property(tries = 300)
    void anEventKeptAsideShouldRunOnlyWhenItComesFirst(
            @ForAll("operations") List<Tuple.Tuple3<Boolean, Long, Integer>> ops) {
        EventList events = new EventList(4);
        PriorityQueue<Ref> reference = new PriorityQueue<>(Comparator.comparingLong(Ref::time)
                .thenComparingInt(Ref::kind).thenComparingLong(Ref::seq).thenComparingInt(Ref::payload));
        int payload = 0;
        for (var op : ops) {
            long gap = op.get2() % 5 == 0 ? op.get2() * 3_600_000_000L : op.get2();
            long t = events.now() + gap;
            if (op.get1() || reference.isEmpty()) {
                long seq = events.schedule(t, op.get3(), payload);
                reference.add(new Ref(t, op.get3(), seq, payload++));
            } else if (op.get3() % 2 == 0) {
                // an event kept aside for t: it may run now only if everything held comes later
                long before = events.now();
                if (events.advanceIfFirst(t)) {
                    assertThat(reference.isEmpty() || reference.peek().time() > t).isTrue();
                    assertThat(events.now()).isEqualTo(t);
                } else {
                    assertThat(events.now()).isEqualTo(before);
                    long seq = events.schedule(t, op.get3(), payload);
                    reference.add(new Ref(t, op.get3(), seq, payload++));
                }
            } else if (op.get2() % 7 == 0) {
                assertThat(events.peekTime()).isEqualTo(reference.peek().time());
            } else {
                Ref expected = reference.poll();
                assertThat(events.pop()).isEqualTo(expected.payload());
                assertThat(events.lastTime()).isEqualTo(expected.time());
            }
        }
        while (!reference.isEmpty()) {
            assertThat(events.pop()).isEqualTo(reference.poll().payload());
        }
    }

    /**
     * A wheel grown for many events out of order, then left with few (the others popped, as a
     * fleet's loops go to the in-order queue or are parked), is rebuilt smaller, grows again when
     * the events come back, and pops in the reference order throughout.
     */
    @Property(tries = 30)
    void aWheelLeftWithFewEventsShouldShrinkAndGrowAgainInOrder(@ForAll @IntRange(min = 5_000, max = 40_000) int many,
            @ForAll long seed) {
        EventList events = new EventList(16);
        PriorityQueue<Ref> reference = new PriorityQueue<>(Comparator.comparingLong(Ref::time)
                .thenComparingInt(Ref::kind).thenComparingLong(Ref::seq).thenComparingInt(Ref::payload));
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        int payload = 0;
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < many; i++) {
                long t = events.now() + 1 + random.nextLong(1_800_000_000L);
                reference.add(new Ref(t, EventKind.COMPLETION, events.schedule(t, EventKind.COMPLETION, payload), payload++));
            }
            int grown = events.wheelBuckets();
            assertThat(grown).as("grown for %d events", many).isGreaterThan(4 * EventList.SHRINK_ABOVE);
            while (reference.size() > 100) {
                assertThat(events.pop()).isEqualTo(reference.poll().payload());
            }
            // the hold model among the few left: pop one, schedule one
            for (int i = 0; i < 1_000; i++) {
                assertThat(events.pop()).isEqualTo(reference.poll().payload());
                long t = events.now() + 1 + random.nextLong(1_800_000_000L);
                reference.add(new Ref(t, EventKind.COMPLETION, events.schedule(t, EventKind.COMPLETION, payload), payload++));
            }
            assertThat(events.wheelBuckets()).as("after %d of %d buckets", events.size(), grown)
                    .isLessThanOrEqualTo(EventList.SHRINK_ABOVE);
        }
        while (!reference.isEmpty()) {
            assertThat(events.pop()).isEqualTo(reference.poll().payload());
        }
    }

    @Test
    void aLargeInOrderQueueShouldGiveItsMemoryBackOnceEmptyAndGrowAgain() {
        EventList events = new EventList(16, 16);
        long t = 0;
        for (int round = 0; round < 3; round++) {
            int n = 5_000 + round * 1_000;
            for (int i = 0; i < n; i++) {
                events.schedule(t + i * 10L, EventKind.TICK, i);
            }
            assertThat(events.inOrderCapacity()).isGreaterThanOrEqualTo(n - EventList.QUEUE_AFTER);
            for (int i = 0; i < n; i++) {
                assertThat(events.pop()).isEqualTo(i);
                assertThat(events.lastTime()).isEqualTo(t + i * 10L);
            }
            assertThat(events.isEmpty()).isTrue();
            assertThat(events.inOrderCapacity()).isEqualTo(EventList.QUEUE_KEPT);
            t += n * 10L;
        }
    }

    @Test
    void loopsTickingAtOneInstantShouldStayInTheInOrderQueueAsTheyReArm() {
        // a fleet started at once: every loop ticks at the same instant and re-arms one period on;
        // when a loop re-arms, every event queued is due now, and the re-arm is no leap past them
        int loops = 1_000;
        long period = 10_000_000L;
        EventList events = new EventList(16, loops);
        for (int loop = 0; loop < loops; loop++) {
            events.schedule(0, EventKind.TICK, 0, loop);
        }
        for (int round = 0; round < 6; round++) {
            for (int loop = 0; loop < loops; loop++) {
                assertThat(events.pop()).isEqualTo(loop);
                long now = events.lastTime();
                assertThat(now).isEqualTo(round * period);
                events.schedule(now + period, EventKind.TICK, now, loop);
                if (round >= 2) {
                    // the first rounds settle: first ticks scheduled at zero lead nowhere
                    assertThat(events.inOrderSize()).isEqualTo(events.size());
                }
            }
        }
        // a job's completion far ahead still stays out of the queue
        events.pop();
        events.schedule(events.lastTime() + 3 * period, EventKind.COMPLETION, 7);
        assertThat(events.inOrderSize()).isEqualTo(loops - 1);
        events.schedule(events.lastTime() + period, EventKind.TICK, events.lastTime(), 0);
        assertThat(events.inOrderSize()).isEqualTo(loops);
    }

    @Test
    void shouldAdvanceOnlyPastNothingHeld() {
        EventList events = new EventList(16);
        events.schedule(100, EventKind.ARRIVAL, 1);
        assertThat(events.advanceIfFirst(100)).isFalse();
        assertThat(events.advanceIfFirst(99)).isTrue();
        assertThat(events.now()).isEqualTo(99);
        assertThatThrownBy(() -> events.schedule(98, EventKind.TICK, 2))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> events.advanceIfFirst(50))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("simulated time is already");
        assertThat(events.pop()).isEqualTo(1);
        assertThat(events.isEmpty()).isTrue();
        assertThat(events.advanceIfFirst(Long.MAX_VALUE / 2)).isTrue();
    }

    @Test
    void shouldLeaveToTheListAnEventAPeekHasPassed() {
        EventList events = new EventList(16);
        events.schedule(10_000_000, EventKind.ARRIVAL, 1);
        assertThat(events.peekTime()).isEqualTo(10_000_000);
        // the peek moved the wheel's window to the arrival: an event before it is the list's to order
        assertThat(events.advanceIfFirst(5)).isFalse();
        events.schedule(5, EventKind.TICK, 2);
        assertThat(events.pop()).isEqualTo(2);
        assertThat(events.pop()).isEqualTo(1);
    }

    @Property(tries = 200)
    void periodicLoopsAmongOtherEventsShouldPopInTheReferenceOrder(
            @ForAll("loops") int loops, @ForAll("periods") long period, @ForAll("operations") List<Tuple.Tuple3<Boolean, Long, Integer>> others,
            @ForAll @IntRange(min = 1, max = 700) int inOrderCapacity) {
        // loops re-arm one period after each tick (in-order runs: the in-order queue), while
        // other events land at random times (the wheel), some at a tick's very instant; events
        // come off as the run takes them, up to a limit (popBefore); the in-order queue of any
        // size, wrapping round and growing
        EventList events = new EventList(4, inOrderCapacity);
        PriorityQueue<Ref> reference = new PriorityQueue<>(Comparator.comparingLong(Ref::time)
                .thenComparingInt(Ref::kind).thenComparingLong(Ref::seq).thenComparingInt(Ref::payload));
        for (int loop = 0; loop < loops; loop++) {
            long t = (loop * 7_919L) % period;
            events.schedule(t, EventKind.TICK, 0L, loop);
            reference.add(new Ref(t, EventKind.TICK, 0L, loop));
        }
        int other = loops;
        int next = 0;
        for (int i = 0; i < 20 * loops + others.size(); i++) {
            Ref expected = reference.poll();
            if (i % 2 == 1) {
                // nothing before the next event's time: nothing popped, and the same event next
                assertThat(events.popBefore(expected.time())).isFalse();
            }
            assertThat(events.popBefore(expected.time() + 1)).isTrue();
            assertThat(events.lastPayload()).isEqualTo(expected.payload());
            assertThat(events.lastTime()).isEqualTo(expected.time());
            assertThat(events.lastKind()).isEqualTo(expected.kind());
            long now = events.lastTime();
            if (expected.payload() < loops) {
                events.schedule(now + period, EventKind.TICK, now, expected.payload());
                reference.add(new Ref(now + period, EventKind.TICK, now, expected.payload()));
            }
            if (next < others.size() && others.get(next).get1()) {
                var op = others.get(next);
                long t = op.get2() % 3 == 0 ? now + period : now + op.get2() % (2 * period);
                int kind = op.get3();
                long seq = events.schedule(t, kind, other);
                reference.add(new Ref(t, kind, seq, other++));
            }
            next++;
        }
    }

    @Provide
    Arbitrary<Integer> loops() {
        return Arbitraries.integers().between(1, 300);
    }

    @Provide
    Arbitrary<Long> periods() {
        return Arbitraries.longs().between(1, 20_000_000L);
    }

    @Provide
    Arbitrary<List<Tuple.Tuple3<Boolean, Long, Integer>>> operations() {
        Arbitrary<Tuple.Tuple3<Boolean, Long, Integer>> op = net.jqwik.api.Combinators.combine(
                        Arbitraries.of(true, true, false),
                        Arbitraries.longs().between(0, 200_000),
                        Arbitraries.integers().between(0, EventKind.COUNT - 1))
                .as(Tuple::of);
        return op.list().ofMaxSize(2_000);
    }

    @Property(tries = 200)
    void twoListsMergedByTheirFirstEventShouldPopInTheOrderOfOneList(
            @ForAll @IntRange(min = 0, max = 300) int events, @ForAll long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        EventList one = new EventList(4);
        EventList[] two = {new EventList(4), new EventList(4, 8)};
        for (int i = 0; i < events; i++) {
            // periodic streams (which fill the in-order queues) among random events, some of one instant
            long time = random.nextInt(4) == 0 ? random.nextLong(50) * 1_000 : (i / 3) * 10_000L;
            int kind = random.nextInt(4) == 0 ? EventKind.ARRIVAL : EventKind.TICK;
            long key = random.nextLong(3);
            int payload = random.nextInt(1_000);
            one.schedule(time, kind, key, payload);
            two[payload % 2].schedule(time, kind, key, payload);
        }
        while (!one.isEmpty()) {
            one.pop();
            EventList next = two[0].isEmpty() ? two[1]
                    : two[1].isEmpty() || two[0].firstBefore(two[1]) ? two[0] : two[1];
            next.pop();
            assertThat(new long[] {next.lastTime(), next.lastKind(), next.lastSeq(), next.lastPayload()})
                    .containsExactly(one.lastTime(), one.lastKind(), one.lastSeq(), one.lastPayload());
        }
        assertThat(two[0].isEmpty() && two[1].isEmpty()).isTrue();
    }
}
