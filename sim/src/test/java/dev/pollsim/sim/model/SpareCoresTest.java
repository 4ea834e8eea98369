package dev.pollsim.sim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpareCoresTest {

    @Test
    void aRunShouldBorrowOnlyTheCoresNoRunOfItsBatchUses() {
        SpareCores cores = new SpareCores(4);
        cores.occupy();
        cores.occupy();
        assertThat(cores.take(3)).isEqualTo(2);
        assertThat(cores.take(1)).as("none left").isZero();
        cores.give(2);
        cores.release();
        assertThat(cores.take(5)).as("a run ended: its core is spare again").isEqualTo(3);
        cores.give(3);
        assertThat(cores.take(0)).isZero();
    }

    @Test
    void aBatchShouldHaveACore() {
        assertThatThrownBy(() -> new SpareCores(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cores must be at least 1, got 0");
    }
}
