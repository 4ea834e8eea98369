package dev.pollsim.sim.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Maps a list on a few threads and hands the results back in the list's order, whatever order
 * they finish in, so that parallel runs print the same bytes as serial ones. A failure surfaces
 * as itself: a task's runtime exception or error (an {@link OutOfMemoryError} above all) is
 * rethrown unwrapped, so callers explain it as they would on one thread.
 */
public final class InOrder {

    private InOrder() {}

    /** {@code task} applied to every item, on at most {@code threads} threads; serial for one. */
    public static <T, R> List<R> map(List<T> items, int threads, Function<? super T, ? extends R> task) {
        List<R> out = new ArrayList<>(items.size());
        if (threads <= 1 || items.size() <= 1) {
            items.forEach(item -> out.add(task.apply(item)));
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, items.size()));
        try {
            List<Future<R>> futures = new ArrayList<>(items.size());
            items.forEach(item -> futures.add(pool.submit(() -> task.apply(item))));
            for (Future<R> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }
}
