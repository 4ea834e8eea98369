package dev.pollsim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pollsim.sim.scenario.ScenarioException;
import dev.pollsim.sim.sweep.SweepCell;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;

class SparkCellExecutorTest {

    private static SweepCell cell(int replication) {
        return new SweepCell("idle", "preset:idle", "", 1, replication, replication, "fixed", List.of());
    }

    @Test
    void aRoundShouldGetFourTasksPerCoreButNeverMoreThanOnePerCell() {
        assertThat(SparkCellExecutor.tasks(1000, 0, 2)).isEqualTo(8);
        assertThat(SparkCellExecutor.tasks(5, 0, 2)).isEqualTo(5);
        assertThat(SparkCellExecutor.tasks(1000, 0, 400)).isEqualTo(1000);
        assertThat(SparkCellExecutor.tasks(0, 0, 2)).isEqualTo(1);
    }

    @Test
    void cellsPerTaskShouldFixTheTaskCount() {
        assertThat(SparkCellExecutor.tasks(1000, 10, 2)).isEqualTo(100);
        assertThat(SparkCellExecutor.tasks(1001, 10, 2)).isEqualTo(101);
        assertThat(SparkCellExecutor.tasks(3, 10, 2)).isEqualTo(1);
    }

    @Test
    void cellsShouldBeDealtRoundRobinSoEveryTaskHoldsAMixOfPoints() {
        List<SweepCell> cells = IntStream.range(0, 7).mapToObj(SparkCellExecutorTest::cell).toList();
        List<? extends List<SweepCell>> dealt = SparkCellExecutor.deal(cells, 3);
        assertThat(dealt).hasSize(3);
        assertThat(dealt.get(0)).extracting(SweepCell::replication).containsExactly(0, 3, 6);
        assertThat(dealt.get(1)).extracting(SweepCell::replication).containsExactly(1, 4);
        assertThat(dealt.get(2)).extracting(SweepCell::replication).containsExactly(2, 5);
    }

    @Test
    void aCellsBadInputShouldSurfaceFromAFailedJobAsItself() {
        ScenarioException bad = new ScenarioException("trace.csv: cannot read: no such file");
        SparkException failed = new SparkException("Job aborted due to stage failure", new RuntimeException(bad));
        assertThat(SparkCellExecutor.inputErrorIn(failed)).isSameAs(bad);
        IllegalArgumentException bug = new IllegalArgumentException("a bug");
        assertThat(SparkCellExecutor.inputErrorIn(bug)).isSameAs(bug);
        assertThat(SparkCellExecutor.inputErrorIn(new SparkException("lost")))
                .isInstanceOf(IllegalStateException.class).hasCauseInstanceOf(SparkException.class);
    }

    @Test
    void theTestJvmShouldHaveEveryOptionSparksLauncherGives() {
        assertThat(SparkSessions.closedPackages()).isEmpty();
    }

    @Test
    void sparkFailingToStartShouldNameTheMissingJvmOptionsOnlyWhenSomeAreMissing() {
        IllegalAccessError e = new IllegalAccessError("cannot access class sun.nio.ch.DirectBuffer");
        assertThat(SparkSessions.cannotStart("local[2]", e, List.of()))
                .isEqualTo("Spark cannot start on master local[2]: java.lang.IllegalAccessError: cannot access class"
                        + " sun.nio.ch.DirectBuffer");
        assertThat(SparkSessions.cannotStart("local[2]", e, List.of("java.base/sun.nio.ch")))
                .contains("(java.base/sun.nio.ch is not open): start java with -XX:+IgnoreUnrecognizedVMOptions",
                        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "or run it with spark-submit");
    }
}
