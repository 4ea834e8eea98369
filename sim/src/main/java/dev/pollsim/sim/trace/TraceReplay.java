package dev.pollsim.sim.trace;

import dev.pollsim.policy.param.Ratio;

/**
 * How a trace's arrivals are placed on the simulated clock. The clock's zero is the trace's
 * start (the first kept row); an arrival at trace time {@code t} replays at
 * {@code offset + floor((t - start) x scale)}, plus {@code k x period} on the k-th repeat.
 *
 * @param offsetUs when the trace's start replays, microseconds after the scenario start
 * @param scale stretches ({@code > 1}) or compresses ({@code < 1}) the gaps between arrivals;
 *     service times are not scaled
 * @param repeat replay the trace again and again until the horizon
 * @param repeatPeriodUs the period of a repeat; 0 for the trace's span (start to last arrival,
 *     or to the end of the last per-minute row), scaled and rounded up to a whole minute
 * @param sample the fraction of arrivals kept, each drawn from the {@code workload/sample}
 *     stream; 1 keeps every one
 * @param sort sort the rows by time before replaying them (stable: equal times keep file order).
 *     This is the one mode that holds the trace in memory: 12 bytes per kept row (time and
 *     line), plus 8 with a service column, 8 for per-minute counts, 1 with an origin column, a
 *     string per row with a queue column, and 8 more while sorting rows that are out of order (10
 *     million rows with a service column: about 280 MB); it is read again for every policy and
 *     every repeat
 */
public record TraceReplay(long offsetUs, Ratio scale, boolean repeat, long repeatPeriodUs, double sample, boolean sort) {

    /** The largest scale: a microsecond may become at most a second. */
    public static final long MAX_SCALE = 1_000_000L;

    /** Replays the trace as it is. */
    public static final TraceReplay AS_IS = new TraceReplay(0, Ratio.ONE, false, 0, 1.0, false);

    public TraceReplay {
        if (offsetUs < 0) {
            throw new IllegalArgumentException("offset cannot be negative");
        }
        scale = scale == null ? Ratio.ONE : scale;
        if (scale.numerator() > MAX_SCALE * scale.denominator()) {
            throw new IllegalArgumentException("scale must be at most " + MAX_SCALE + ", got " + scale);
        }
        if (repeatPeriodUs < 0 || (!repeat && repeatPeriodUs != 0)) {
            throw new IllegalArgumentException("a repeat period must be positive, and only with repeat");
        }
        if (!(sample > 0 && sample <= 1)) {
            throw new IllegalArgumentException("sample must be a fraction in (0, 1], got " + sample);
        }
    }

    /** This replay without repeats. */
    public TraceReplay once() {
        return new TraceReplay(offsetUs, scale, false, 0, sample, sort);
    }

    /** {@code floor(micros x scale)} for {@code micros >= 0}, exact (the remainder's product stays
     * below 10^18 since the scale is at most {@link #MAX_SCALE} with at most six decimals); saturates at {@link Long#MAX_VALUE}. */
    public long scaled(long micros) {
        long num = scale.numerator();
        long den = scale.denominator();
        long q = micros / den;
        long r = micros % den;
        if (q > Long.MAX_VALUE / num) {
            return Long.MAX_VALUE;
        }
        long high = q * num;
        long low = r * num / den;
        return high > Long.MAX_VALUE - low ? Long.MAX_VALUE : high + low;
    }
}
