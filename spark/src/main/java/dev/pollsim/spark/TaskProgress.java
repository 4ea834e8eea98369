package dev.pollsim.spark;

import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;
import java.util.function.LongConsumer;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Tells a sweep's progress bar about the cells of each task as the task succeeds. Spark delivers
 * these events late and on its own thread, so {@link #end} accounts for whatever the events have
 * not yet told: every cell of a round is counted once, whatever arrives when. Thread-safe.
 */
final class TaskProgress extends SparkListener {

    /** The job property that names the round a job runs. */
    static final String ROUND = "pollsim.round";

    private String round;
    private int[] cellsOfTask = new int[0];
    private final BitSet counted = new BitSet();
    private final Set<Integer> stages = new HashSet<>();
    private LongConsumer progress = n -> {};
    private long told;
    private long cells;

    /** A round starts: task {@code t} runs {@code cellsOfTask[t]} cells. */
    synchronized void begin(String round, int[] cellsOfTask, LongConsumer progress) {
        this.round = round;
        this.cellsOfTask = cellsOfTask.clone();
        this.progress = progress;
        counted.clear();
        stages.clear();
        told = 0;
        cells = 0;
        for (int n : cellsOfTask) {
            cells += n;
        }
    }

    /** The round's job has returned: every cell not yet told of is done. */
    synchronized void end() {
        if (round != null && told < cells) {
            progress.accept(cells - told);
        }
        round = null;
        progress = n -> {};
    }

    @Override
    public synchronized void onStageSubmitted(SparkListenerStageSubmitted stage) {
        if (round != null && stage.properties() != null && round.equals(stage.properties().getProperty(ROUND))) {
            stages.add(stage.stageInfo().stageId());
        }
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd task) {
        if (round == null || !stages.contains(task.stageId()) || !task.taskInfo().successful()) {
            return;
        }
        int t = task.taskInfo().partitionId();
        if (t >= 0 && t < cellsOfTask.length && !counted.get(t)) {
            counted.set(t);
            told += cellsOfTask[t];
            progress.accept(cellsOfTask[t]);
        }
    }
}
