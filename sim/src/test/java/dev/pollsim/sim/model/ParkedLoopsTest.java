package dev.pollsim.sim.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pollsim.sim.workload.Origin;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ParkedLoopsTest {

    /** What a loop's return told the simulation. */
    record Back(int loop, long anchorUs, long periodUs, long idleTicks, long nowUs, boolean rearm) {
    }

    private final long[] pendingAt = new long[6];
    private final long[] armedAt = new long[6];
    private final WorkQueue[] lanes = {new WorkQueue(16), new WorkQueue(16)};
    private final List<Back> backs = new ArrayList<>();
    private ParkedLoops parked;

    @BeforeEach
    void setUp() {
        // as the simulation does: a loop that came back is no longer parked
        parked = new ParkedLoops(pendingAt, armedAt, 2, lanes, (loop, a, period, done, now, rearm) -> {
            backs.add(new Back(loop, a, period, done, now, rearm));
            pendingAt[loop] = rearm ? a + (done + 1) * period : FleetSimulation.NO_TICK;
        });
    }

    @Test
    void shouldCountTheIdleTicksMadeBeforeNowInClosedForm() {
        parked.park(3, 0, 100, 10);
        assertThat(parked.parked(3)).isTrue();

        parked.unpark(3, 155, true);

        // ticks at 110, 120, 130, 140 and 150; the next at 160
        assertThat(backs).containsExactly(new Back(3, 100, 10, 5, 155, true));
        assertThat(parked.parked(3)).isFalse();
        assertThat(pendingAt[3]).isEqualTo(160);
    }

    @Test
    void shouldCountATickOfThisInstantOnlyWhenItComesBeforeTheTickBeingHandled() {
        // loop 1's parked tick at 150 was armed at 140: it comes before a tick armed later, or
        // armed at 140 by a higher loop, and after one armed at 140 by a lower loop
        assertThat(idleTicksAt150(-1, -1)).isEqualTo(4);
        assertThat(idleTicksAt150(4, 145)).isEqualTo(5);
        assertThat(idleTicksAt150(4, 140)).isEqualTo(5);
        assertThat(idleTicksAt150(0, 140)).isEqualTo(4);
        assertThat(idleTicksAt150(4, 135)).isEqualTo(4);
    }

    private long idleTicksAt150(int tickLoop, long tickKey) {
        backs.clear();
        parked.park(1, 0, 100, 10);
        if (tickLoop >= 0) {
            parked.ticking(tickLoop, tickKey);
        }
        parked.unpark(1, 150, true);
        parked.ticked();
        return backs.get(0).idleTicks();
    }

    @Test
    void shouldKeepOneSentinelPerGroupOfALaneThatHoldsWork() {
        // one group: loops 0, 2 and 4 every 30, phases 5, 25 and 15
        parked.park(0, 0, 5, 30);
        parked.park(2, 0, 25, 30);
        parked.park(4, 0, 15, 30);
        // another lane's group
        parked.park(5, 1, 0, 30);

        parked.guard(0, 40);
        assertThat(backs).as("an empty lane needs no sentinel").isEmpty();
        assertThat(parked.guarded()).isFalse();

        lanes[0].push(40, 1, Origin.REMOTE);
        parked.guardAll(40);
        // after 40 the group's next virtual tick is loop 4's at 45
        assertThat(backs).containsExactly(new Back(4, 15, 30, 0, 40, true));
        assertThat(parked.guarded()).isTrue();

        parked.guard(0, 41);
        assertThat(backs).as("a group keeps one sentinel").hasSize(1);

        parked.dropSentinel(4);
        assertThat(parked.guarded()).isFalse();
        parked.guard(0, 46);
        // loop 4 is back in the list: loop 2's tick at 55 is the group's next
        assertThat(backs).last().isEqualTo(new Back(2, 25, 30, 0, 46, true));
        assertThat(parked.parked(5)).as("the other lane's group is left parked").isTrue();
    }

    @Test
    void shouldBringBackEveryLoopOfADaemonOrOfTheFleet() {
        parked.park(2, 0, 0, 10);
        parked.park(3, 0, 0, 20);
        parked.park(5, 0, 0, 10);

        parked.unparkDaemon(1, 50);
        assertThat(backs).extracting(Back::loop).containsExactly(2, 3);
        assertThat(parked.parked(5)).isTrue();

        parked.unparkAll(100, false);
        assertThat(backs).last().isEqualTo(new Back(5, 0, 10, 9, 100, false));
        assertThat(pendingAt[5]).isEqualTo(FleetSimulation.NO_TICK);
    }
}
