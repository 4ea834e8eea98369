package dev.pollsim.sim.metrics;

import java.util.Arrays;

/**
 * The decisions of one loop (the first loop of daemon 0), tick by tick: when it decided, the
 * delay it chose ({@code -1} for suspend), the next due time its daemon reported, and how late the
 * tick came against the due time reported before it (seed 002's {@code overdue_ms}). At most
 * {@link #LIMIT} ticks are kept; {@link #truncated()} says whether more happened.
 *
 * @param loop the loop's name
 * @param atUs decision times
 * @param delayUs chosen delays, {@code -1} when the loop suspended
 * @param reportedDueUs next due times as the daemon would report them, {@code -1} when suspended
 * @param overdueUs how long after the previously reported due time each tick came, {@code 0} when
 *     on time or when none was reported
 * @param truncated whether ticks beyond {@link #LIMIT} were dropped
 */
public record IntervalSeries(String loop, long[] atUs, long[] delayUs, long[] reportedDueUs, long[] overdueUs,
        boolean truncated) {

    /** The most ticks a series keeps. */
    public static final int LIMIT = 100_000;

    public IntervalSeries {
        atUs = atUs.clone();
        delayUs = delayUs.clone();
        reportedDueUs = reportedDueUs.clone();
        overdueUs = overdueUs.clone();
    }

    public int size() {
        return atUs.length;
    }

    @Override
    public long[] atUs() {
        return atUs.clone();
    }

    @Override
    public long[] delayUs() {
        return delayUs.clone();
    }

    @Override
    public long[] reportedDueUs() {
        return reportedDueUs.clone();
    }

    @Override
    public long[] overdueUs() {
        return overdueUs.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntervalSeries
                && loop.equals(((IntervalSeries) o).loop)
                && truncated == ((IntervalSeries) o).truncated
                && Arrays.equals(atUs, ((IntervalSeries) o).atUs)
                && Arrays.equals(delayUs, ((IntervalSeries) o).delayUs)
                && Arrays.equals(reportedDueUs, ((IntervalSeries) o).reportedDueUs)
                && Arrays.equals(overdueUs, ((IntervalSeries) o).overdueUs);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(atUs) * 31 + Arrays.hashCode(delayUs);
    }

    @Override
    public String toString() {
        return "IntervalSeries[" + loop + ", " + atUs.length + " ticks" + (truncated ? ", truncated" : "") + "]";
    }
}
