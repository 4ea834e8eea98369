package dev.pollsim.sim.model;

import dev.pollsim.policy.param.Durations;
import dev.pollsim.sim.metrics.RunMetrics;

/**
 * The hourly peak of a queue's depth between its changes: a queue that holds its jobs through
 * hours with no arrival, pickup or retry in them held that depth in each of those hours, which
 * the metrics hear when the queue next changes. NOT thread-safe.
 */
final class QueueDepth {

    private final RunMetrics metrics;
    private final long horizonUs;
    /** The hour of the queue's last change, and when it ends. */
    private int hour;
    private long hourEndUs = Durations.MICROS_PER_HOUR;

    QueueDepth(RunMetrics metrics, long horizonUs) {
        this.metrics = metrics;
        this.horizonUs = horizonUs;
    }

    /**
     * The queue, which holds {@code queued} jobs since its last change, is about to change at
     * {@code nowUs} (or the run ends): every hour it held them through saw that depth.
     */
    void carry(long nowUs, int queued) {
        if (queued == 0 && nowUs >= hourEndUs) {
            // an empty queue adds nothing to the hours it spans: jump to the hour of now
            long h = Math.min(nowUs, horizonUs - 1) / Durations.MICROS_PER_HOUR;
            hour = (int) h;
            hourEndUs = (h + 1) * Durations.MICROS_PER_HOUR;
            return;
        }
        while (nowUs >= hourEndUs && hourEndUs < horizonUs) {
            hour++;
            hourEndUs += Durations.MICROS_PER_HOUR;
            if (queued > 0) {
                metrics.queuedDuring(hour, queued);
            }
        }
    }
}
