package dev.pollsim.sim.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pollsim.policy.param.Durations;
import dev.pollsim.sim.metrics.RunMetrics;
import dev.pollsim.sim.workload.Origin;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetWorkTest {

    private static final long HOUR = Durations.MICROS_PER_HOUR;

    private final RunMetrics metrics = new RunMetrics(2, 5 * HOUR);
    private final FleetWork work = new FleetWork(2, 2, 2, new QueueDepth(metrics, 5 * HOUR));

    @Test
    void shouldRunTheHeadOfTheLaneOnTheDaemonHoldingOneOfItsSlots() {
        work.enqueue(10, 300, Origin.REMOTE, 1);
        work.enqueue(20, 400, Origin.LOCAL, 3);

        int first = work.start(work.lane(0), 1, 50, 60);

        assertThat(work.daemonOf(first)).isEqualTo(1);
        assertThat(work.serviceUs(first)).isEqualTo(300);
        assertThat(work.origin(first)).isEqualTo(Origin.REMOTE);
        assertThat(work.attempt(first)).isEqualTo(1);
        assertThat(work.lane(0).headServiceUs()).as("the second job is next").isEqualTo(400);
        assertThat(work.queued()).isEqualTo(1);
        assertThat(work.queuedOrRunning()).isEqualTo(2);
        assertThat(work.freeSlots(1)).isEqualTo(1);
        assertThat(work.freeSlots(0)).isEqualTo(2);

        int second = work.start(work.lane(0), 1, 50, 70);
        assertThat(work.attempt(second)).isEqualTo(3);
        assertThat(work.hasFreeSlot(1)).isFalse();
        assertThat(work.hasFreeSlot(0)).isTrue();

        work.finish(first);
        assertThat(work.hasFreeSlot(1)).isTrue();
        assertThat(work.queuedOrRunning()).isEqualTo(1);
    }

    @Test
    void shouldLeaveRunningJobsTheirSlotsWhenAReloadLowersTheLimit() {
        work.enqueue(0, 1, Origin.REMOTE, 1);
        work.enqueue(0, 1, Origin.REMOTE, 1);
        work.start(work.lane(0), 0, 5, 5);
        int last = work.start(work.lane(0), 0, 5, 5);

        work.limit(1);

        assertThat(work.freeSlots(0)).isEqualTo(-1);
        assertThat(work.hasFreeSlot(0)).isFalse();
        work.finish(last);
        assertThat(work.hasFreeSlot(0)).as("still at the new limit").isFalse();
        assertThat(work.hasFreeSlot(1)).isTrue();
    }

    @Test
    void shouldCarryTheDepthThroughTheHoursTheQueueHeldStill() {
        work.enqueue(HOUR / 2, 1, Origin.REMOTE, 1);
        work.enqueue(HOUR / 2, 1, Origin.REMOTE, 1);
        // two jobs wait from hour 0 to hour 3, when a tick takes both at one instant
        work.start(work.lane(0), 0, 3 * HOUR + 7, 3 * HOUR + 7);
        work.start(work.lane(0), 1, 3 * HOUR + 7, 3 * HOUR + 7);

        assertThat(work.end(5 * HOUR)).isZero();
        assertThat(metrics.finish("x", "fixed", Map.of(), 0).hourly().peakQueued())
                .as("hours 1 and 2 held both; hour 3 held them until the tick; hour 4 none")
                .containsExactly(0, 2, 2, 2, 0);
    }

    @Test
    void shouldKeepJobsQueuedAtTheEndOfTheRun() {
        work.enqueue(HOUR, 1, Origin.REMOTE, 1);

        assertThat(work.end(5 * HOUR)).isEqualTo(1);
        // (the arrival's own hour hears it from the metrics' arrival, not from the queue)
        assertThat(metrics.finish("x", "fixed", Map.of(), 1).hourly().peakQueued()).containsExactly(0, 0, 1, 1, 1);
    }
}
