package dev.pollsim.sim.sweep;

import dev.pollsim.sim.metrics.PolicyResult;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Runs a batch of independent cells somewhere (threads of this process, or the executors of a
 * cluster) and hands back their results in the cells' order, whatever order they finish in.
 * {@link SweepRunner} calls it once per round and does everything else itself: which cells a
 * round holds, gathering by index, the estimates and the sequential decisions. An implementation
 * must give each cell exactly the result {@link CellRunner#run} gives it, so that a sweep's
 * report is the same bytes on every executor.
 */
@FunctionalInterface
public interface CellExecutor {

    /**
     * The results of these cells.
     *
     * @param cells the cells of one round, in order
     * @param progress told how many cells have finished, as they finish (from any thread)
     * @return one result per cell, by index
     */
    List<PolicyResult> run(List<SweepCell> cells, LongConsumer progress);
}
