package dev.pollsim.sim.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportedDuesTest {

    @Test
    void shouldHoldNothingWhileEveryDueTimeIsItsTicksOwn() {
        ReportedDues dues = new ReportedDues(3);
        dues.report(0, 100, 100);
        dues.report(2, 250, 250);

        assertThat(dues.atTicks()).isTrue();
        assertThat(dues.overdue(0, 10_000)).as("no tick comes after its own time").isZero();
        assertThat(dues.of(1, 70)).isEqualTo(70);
    }

    @Test
    void shouldCountATickAfterTheDueTimeItsDaemonReportedAsOverdue() {
        ReportedDues dues = new ReportedDues(3);
        dues.report(1, 100, 100);
        // seed 002: the daemon reports a due time earlier than the tick its scheduler armed
        dues.report(2, 200, 260);

        assertThat(dues.atTicks()).isFalse();
        assertThat(dues.overdue(2, 260)).isEqualTo(60);
        assertThat(dues.overdue(2, 190)).isZero();
        assertThat(dues.of(2, 260)).isEqualTo(200);
        assertThat(dues.overdue(1, 100)).as("loops not reported since hold no due time").isZero();
        assertThat(dues.of(1, 100)).isEqualTo(ReportedDues.NO_DUE);
    }

    @Test
    void shouldForgetTheDueTimeOfASuspendedLoop() {
        ReportedDues dues = new ReportedDues(2);
        dues.report(0, 50, 80);
        dues.clear(0);

        assertThat(dues.overdue(0, 1_000)).isZero();
        assertThat(dues.of(0, 80)).isEqualTo(ReportedDues.NO_DUE);
        assertThat(ReportedDues.lateness(ReportedDues.NO_DUE, 5)).isZero();
        assertThat(ReportedDues.lateness(3, 5)).isEqualTo(2);
    }
}
