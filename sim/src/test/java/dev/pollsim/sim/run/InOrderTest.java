package dev.pollsim.sim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InOrderTest {

    @Test
    void shouldKeepTheListOrderWhenTheLastItemFinishesFirst() {
        CountDownLatch lastDone = new CountDownLatch(1);
        List<String> out = InOrder.map(List.of(1, 2), 2, i -> {
            if (i == 2) {
                lastDone.countDown();
            } else {
                await(lastDone);
            }
            return "item " + i;
        });
        assertThat(out).containsExactly("item 1", "item 2");
    }

    @Test
    void shouldRethrowATaskFailureUnwrapped() {
        OutOfMemoryError oom = new OutOfMemoryError("test heap");
        IllegalArgumentException bad = new IllegalArgumentException("bad cell");
        assertThatThrownBy(() -> InOrder.map(List.of(1, 2), 2, i -> {
            throw oom;
        })).isSameAs(oom);
        assertThatThrownBy(() -> InOrder.map(List.of(1, 2), 2, i -> {
            throw bad;
        })).isSameAs(bad);
    }

    @Test
    void shouldRunSeriallyOnOneThread() {
        Thread caller = Thread.currentThread();
        assertThat(InOrder.map(List.of(1, 2, 3), 1, i -> Thread.currentThread() == caller)).containsOnly(true);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(1, TimeUnit.MINUTES)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
