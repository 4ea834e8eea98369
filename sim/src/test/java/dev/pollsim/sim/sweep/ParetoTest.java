package dev.pollsim.sim.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ParetoTest {

    @Test
    void shouldKeepTheNonDominatedPointsInCostOrder() {
        //            0     1     2     3     4     5     6     7
        double[] x = {100, 200, 150, 300, 200, 50, 400, Double.NaN};
        double[] y = {9, 5, 9, 5, 4, 20, 1, 0};
        // 5 (50, 20) cheapest; 0 (100, 9); 2 (150, 9) same latency costs more: dominated by 0;
        // 4 (200, 4) beats 1 (200, 5); 3 (300, 5) dominated by 4; 6 (400, 1); 7 has no latency
        assertThat(Pareto.frontier(x, y)).containsExactly(5, 0, 4, 6);
    }

    @Test
    void shouldKeepExactTiesBothInIndexOrder() {
        double[] x = {10, 20, 10, 30};
        double[] y = {5, 3, 5, 3};
        assertThat(Pareto.frontier(x, y)).containsExactly(0, 2, 1);
    }

    @Test
    void shouldBeEmptyWithoutPoints() {
        assertThat(Pareto.frontier(new double[0], new double[0])).isEmpty();
    }

    @Property
    void noFrontierPointIsDominatedAndEveryOtherPointIs(
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 9) Integer> xs,
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 9) Integer> ys) {
        int n = Math.min(xs.size(), ys.size());
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = xs.get(i);
            y[i] = ys.get(i);
        }
        List<Integer> front = Pareto.frontier(x, y);
        for (int i = 0; i < n; i++) {
            boolean dominated = false;
            for (int j = 0; j < n; j++) {
                dominated |= x[j] <= x[i] && y[j] <= y[i] && (x[j] < x[i] || y[j] < y[i]);
            }
            assertThat(front.contains(i)).as("point %d (%s, %s)", i, x[i], y[i]).isEqualTo(!dominated);
        }
        for (int k = 1; k < front.size(); k++) {
            assertThat(x[front.get(k)]).isGreaterThanOrEqualTo(x[front.get(k - 1)]);
        }
    }
}
