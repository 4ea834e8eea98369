package dev.pollsim.sim.sweep;

import dev.pollsim.sim.metrics.PolicyResult;
import dev.pollsim.sim.run.InOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * Runs the cells of a sweep and gathers their results by cell index, so a report is
 * byte-identical for any thread count and on any {@link CellExecutor}. Each cell is independent
 * ({@link CellRunner} by default), run on a pool of threads or by an injected executor (a
 * cluster); the sequential mode decides each round from the results of the rounds before, which
 * depend on neither. Thread-safe; each call uses its own pool.
 */
public final class SweepRunner {

    private final CellExecutor executor;

    /**
     * @param threads worker threads; 1 runs every cell on the caller's thread
     * @param cellRunner turns a cell into its result (a pure function)
     */
    public SweepRunner(int threads, Function<SweepCell, PolicyResult> cellRunner) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        Objects.requireNonNull(cellRunner, "cellRunner");
        this.executor = (cells, progress) -> runLocally(threads, cellRunner, cells, progress);
    }

    /** A runner of {@link CellRunner#run} on {@code threads} threads. */
    public SweepRunner(int threads) {
        this(threads, CellRunner::run);
    }

    /**
     * A runner whose rounds run on {@code executor}: everything but running the cells (the
     * rounds, the gathering by index, the estimates) stays here.
     */
    public SweepRunner(CellExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /**
     * Runs every point's replications.
     *
     * @param points the points, by index
     * @param replications how many replications, fixed or sequential
     * @param progress told of every finished cell (from any thread)
     */
    public SweepResult run(List<SweepPoint> points, Replications replications, LongConsumer progress) {
        List<List<PolicyResult>> runs = new ArrayList<>();
        points.forEach(p -> runs.add(new ArrayList<>()));
        int[] want = new int[points.size()];
        Arrays.fill(want, replications.initial());
        while (true) {
            List<SweepCell> cells = new ArrayList<>();
            List<Integer> owner = new ArrayList<>();
            for (int p = 0; p < points.size(); p++) {
                for (int r = runs.get(p).size(); r < want[p]; r++) {
                    cells.add(points.get(p).cell(r));
                    owner.add(p);
                }
            }
            if (cells.isEmpty()) {
                break;
            }
            List<PolicyResult> done = runCells(cells, progress);
            for (int i = 0; i < cells.size(); i++) {
                runs.get(owner.get(i)).add(done.get(i));
            }
            for (int p = 0; p < points.size(); p++) {
                want[p] = replications.next(runs.get(p).size(), worstRelativeHalfWidth(runs.get(p), replications));
            }
        }
        List<PointResult> out = new ArrayList<>();
        for (int p = 0; p < points.size(); p++) {
            out.add(PointResult.of(points.get(p), runs.get(p)));
        }
        return new SweepResult(out, replications);
    }

    /** The results of these cells, in the same order, whatever order they finish in. */
    public List<PolicyResult> runCells(List<SweepCell> cells, LongConsumer progress) {
        List<PolicyResult> out = executor.run(cells, progress);
        if (out.size() != cells.size()) {
            throw new IllegalStateException("the executor returned " + out.size() + " results for " + cells.size()
                    + " cells");
        }
        return out;
    }

    private static List<PolicyResult> runLocally(int threads, Function<SweepCell, PolicyResult> cellRunner,
            List<SweepCell> cells, LongConsumer progress) {
        return InOrder.map(cells, threads, c -> {
            PolicyResult r = cellRunner.apply(c);
            progress.accept(1);
            return r;
        });
    }

    /** The largest relative half-width among the target metrics; NaN when none has an interval. */
    static double worstRelativeHalfWidth(List<PolicyResult> runs, Replications replications) {
        if (!replications.sequential()) {
            return Double.NaN;
        }
        double worst = Double.NaN;
        double[] values = new double[runs.size()];
        for (String name : replications.targetMetrics()) {
            SweepMetric m = SweepMetric.named(name);
            for (int i = 0; i < values.length; i++) {
                values[i] = m.of(runs.get(i));
            }
            double rhw = Estimate.of(values).relativeHalfWidth();
            if (!Double.isNaN(rhw) && !(rhw <= worst)) {
                worst = rhw;
            }
        }
        return worst;
    }
}
