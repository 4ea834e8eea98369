package dev.pollsim.spark;

import dev.pollsim.sim.metrics.PolicyResult;
import dev.pollsim.sim.scenario.ScenarioException;
import dev.pollsim.sim.sweep.CellRunner;
import dev.pollsim.sim.sweep.SweepCell;
import dev.pollsim.sim.sweep.SweepEngine;
import dev.pollsim.sim.trace.TraceException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Runs each round of a sweep as one Spark job: the round's cells are dealt into tasks, each task
 * runs its cells one after another with {@link CellRunner#run} on an executor and sends back a
 * {@link CellOutcome} per cell, and the driver puts the results back in cell order. Nothing but
 * running cells happens on the executors. Used by one driver thread at a time.
 *
 * <p>Cells are dealt round-robin (cell {@code i} to task {@code i mod tasks}), so every task holds
 * a mix of the sweep's points and tasks of one round take about as long as each other, whatever
 * the points cost. The number of tasks is the round's cells divided by
 * {@code spark.pollsim.cellsPerTask}, or by default four tasks per core of the job
 * ({@code defaultParallelism}), never more than one per cell.
 */
final class SparkCellExecutor implements SweepEngine.Session {

    /** The Spark setting that fixes how many cells a task runs (0 or absent: four tasks per core). */
    static final String CELLS_PER_TASK = "spark.pollsim.cellsPerTask";
    /** Tasks per core of the job when {@link #CELLS_PER_TASK} is not set. */
    static final int TASKS_PER_CORE = 4;

    private final JavaSparkContext sc;
    private final TaskProgress progress;
    private int round;

    SparkCellExecutor(JavaSparkContext sc) {
        this.sc = sc;
        this.progress = new TaskProgress();
        sc.sc().addSparkListener(progress);
    }

    @Override
    public List<PolicyResult> run(List<SweepCell> cells, LongConsumer done) {
        int tasks = tasks(cells.size(), sc.getConf().getInt(CELLS_PER_TASK, 0), sc.defaultParallelism());
        List<ArrayList<SweepCell>> dealt = deal(cells, tasks);
        int[] sizes = dealt.stream().mapToInt(List::size).toArray();
        String tag = Integer.toString(++round);
        sc.setLocalProperty(TaskProgress.ROUND, tag);
        sc.setJobDescription("pollsim sweep round " + tag + ": " + cells.size() + " cells in " + tasks + " tasks");
        progress.begin(tag, sizes, done);
        List<List<CellOutcome>> outcomes;
        try {
            // one element per slice: task t runs exactly the cells dealt to t
            outcomes = sc.parallelize(dealt, tasks).map(SparkCellExecutor::runAll).collect();
        } catch (Exception e) { // Spark throws its checked SparkException without declaring it
            throw inputErrorIn(e);
        } finally {
            progress.end();
            sc.setLocalProperty(TaskProgress.ROUND, null);
        }
        PolicyResult[] out = new PolicyResult[cells.size()];
        for (int t = 0; t < tasks; t++) {
            List<CellOutcome> mine = outcomes.get(t);
            for (int k = 0; k < mine.size(); k++) {
                out[t + k * tasks] = mine.get(k).result();
            }
        }
        return Arrays.asList(out);
    }

    @Override
    public void close() {
        sc.stop();
    }

    /** How many tasks a round of {@code cells} gets. */
    static int tasks(int cells, int cellsPerTask, int cores) {
        if (cells == 0) {
            return 1;
        }
        long tasks = cellsPerTask > 0 ? (cells + (long) cellsPerTask - 1) / cellsPerTask
                : (long) TASKS_PER_CORE * Math.max(1, cores);
        return (int) Math.max(1, Math.min(cells, tasks));
    }

    /** Cell {@code i} goes to task {@code i mod tasks}, in order. */
    static List<ArrayList<SweepCell>> deal(List<SweepCell> cells, int tasks) {
        List<ArrayList<SweepCell>> dealt = new ArrayList<>(tasks);
        for (int t = 0; t < tasks; t++) {
            dealt.add(new ArrayList<>(cells.size() / tasks + 1));
        }
        for (int i = 0; i < cells.size(); i++) {
            dealt.get(i % tasks).add(cells.get(i));
        }
        return dealt;
    }

    /** What a task does, on an executor: its cells, one after another. */
    static List<CellOutcome> runAll(List<SweepCell> cells) {
        List<CellOutcome> out = new ArrayList<>(cells.size());
        for (SweepCell c : cells) {
            out.add(CellOutcome.of(CellRunner.run(c)));
        }
        return out;
    }

    /**
     * A failed job as the local engine would have failed: a cell's bad input (a trace file an
     * executor cannot read, say) as that input error, so the command prints one line and exits 2;
     * anything else as it came.
     */
    static RuntimeException inputErrorIn(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ScenarioException || t instanceof TraceException) {
                return (RuntimeException) t;
            }
        }
        return e instanceof RuntimeException ? (RuntimeException) e : new IllegalStateException(e.getMessage(), e);
    }
}
