package dev.pollsim.sim.trace;

import java.util.List;

/**
 * How to read a trace's rows: its format and which columns (JSON fields) hold what.
 *
 * @param format the file format
 * @param timestampColumn the column of arrival times (default {@code timestamp})
 * @param timestampFormat how times are written; {@code null} to tell {@code iso} from
 *     {@code datetime} on the first row (epoch numbers must be declared)
 * @param serviceColumn the column of service times, or {@code null} for none
 * @param serviceUnit the unit of the service column (default seconds)
 * @param countColumn per-minute only: the column of job counts (default {@code count})
 * @param minuteEdge per-minute only: which edge of its minute a row's timestamp marks
 * @param queueColumn the column naming each job's queue, or {@code null}
 * @param queues the queues to keep; empty keeps every row
 * @param originColumn the column holding {@code local} or {@code remote}, or {@code null}
 */
public record TraceLayout(
        TraceFormat format,
        String timestampColumn,
        TimestampFormat timestampFormat,
        String serviceColumn,
        ServiceUnit serviceUnit,
        String countColumn,
        MinuteEdge minuteEdge,
        String queueColumn,
        List<String> queues,
        String originColumn) {

    public static final String DEFAULT_TIMESTAMP_COLUMN = "timestamp";
    public static final String DEFAULT_COUNT_COLUMN = "count";

    public TraceLayout {
        if (format == null) {
            throw new IllegalArgumentException("a trace needs a format");
        }
        timestampColumn = timestampColumn == null ? DEFAULT_TIMESTAMP_COLUMN : timestampColumn;
        serviceUnit = serviceUnit == null ? ServiceUnit.S : serviceUnit;
        countColumn = countColumn == null ? DEFAULT_COUNT_COLUMN : countColumn;
        minuteEdge = minuteEdge == null ? MinuteEdge.START : minuteEdge;
        queues = queues == null ? List.of() : List.copyOf(queues);
        if (!queues.isEmpty() && queueColumn == null) {
            throw new IllegalArgumentException("a queue filter needs the queue column named (queue)");
        }
    }

    /** The defaults for a format: a {@code timestamp} column whose format is told on the first row. */
    public static TraceLayout of(TraceFormat format) {
        return new TraceLayout(format, null, null, null, null, null, null, null, null, null);
    }

    /** Whether rows are per-minute counts rather than one job each. */
    public boolean perMinute() {
        return format == TraceFormat.PER_MINUTE;
    }
}
