package dev.pollsim.sim.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pollsim.sim.workload.Origin;
import org.junit.jupiter.api.Test;

class WorkQueueTest {

    @Test
    void shouldStayFifoWhileWrappingAndGrowing() {
        WorkQueue q = new WorkQueue(16);
        long next = 0;
        long expected = 0;
        for (int round = 0; round < 50; round++) {
            for (int i = 0; i < 7 + round; i++) {
                q.push(next, next * 10, Origin.REMOTE);
                next++;
            }
            for (int i = 0; i < 5; i++) {
                assertThat(q.headArrivalUs()).isEqualTo(expected);
                assertThat(q.headServiceUs()).isEqualTo(expected * 10);
                q.pop();
                expected++;
            }
        }
        assertThat(q.size()).isEqualTo((int) (next - expected));
        assertThat(q.arrivalTimes()).startsWith(expected, expected + 1);
    }
}
