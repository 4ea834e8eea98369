package dev.pollsim.cli;

import dev.pollsim.policy.param.Durations;
import dev.pollsim.sim.scenario.ScenarioException;
import dev.pollsim.sim.scenario.ServiceTimeSpec;
import dev.pollsim.sim.scenario.TimeSpan;
import dev.pollsim.sim.scenario.TraceWorkload;
import dev.pollsim.sim.scenario.WorkloadSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** How to read a trace file named on the command line: the options of a {@code kind: trace} workload. */
final class TraceOptions {

    @Option(names = "--trace-format", paramLabel = "FORMAT",
            description = "csv, tsv, jsonl or per-minute (default: from the file's extension).")
    String format;

    @Option(names = "--timestamp-column", paramLabel = "NAME", description = "Column of arrival times (default: timestamp).")
    String timestampColumn;

    @Option(names = "--timestamp-format", paramLabel = "FORMAT",
            description = "epoch-s, epoch-ms, epoch-us, epoch-ns, iso or datetime (default: iso or datetime, told"
                    + " from the first row).")
    String timestampFormat;

    @Option(names = "--service-column", paramLabel = "NAME", description = "Column of service times (default: none).")
    String serviceColumn;

    @Option(names = "--service-unit", paramLabel = "UNIT", description = "us, ms, s, m or h (default: s).")
    String serviceUnit;

    @Option(names = "--count-column", paramLabel = "NAME", description = "Per-minute: column of job counts (default: count).")
    String countColumn;

    @Option(names = "--minute", paramLabel = "EDGE",
            description = "Per-minute: the timestamp marks the minute's start or end (default: start).")
    String minute;

    @Option(names = "--queue-column", paramLabel = "NAME", description = "Column naming each job's queue.")
    String queueColumn;

    @Option(names = "--queues", split = ",", paramLabel = "NAME", description = "Keep only rows of these queues.")
    List<String> queues = new ArrayList<>();

    @Option(names = "--origin-column", paramLabel = "NAME", description = "Column holding local or remote.")
    String originColumn;

    @Option(names = "--offset", paramLabel = "DURATION", description = "When the trace's first row replays (default: 0s).")
    String offset;

    @Option(names = "--scale", paramLabel = "FACTOR",
            description = "Multiplies the gaps between arrivals: 0.5 compresses, 2 stretches (default: 1).")
    String scale;

    @Option(names = "--repeat", paramLabel = "true|false|PERIOD", arity = "0..1", fallbackValue = "true",
            description = "Replay again to fill the days: every span of the trace (rounded up to a minute), or"
                    + " every PERIOD.")
    String repeat;

    @Option(names = "--sample", paramLabel = "FRACTION", description = "Keep this fraction of arrivals, seeded (default: 1).")
    Double sample;

    @Option(names = "--sort",
            description = "Sort the rows by time in memory first (memory then grows with the trace; see docs/TRACES.md).")
    boolean sort;

    /**
     * The workload these options describe.
     *
     * @param file the trace, relative to the working directory
     * @param fallback the service time of jobs when the trace has no service column
     * @throws ScenarioException naming the option at fault
     */
    WorkloadSpec.Trace workload(String file, ServiceTimeSpec fallback) {
        TraceWorkload.Repeat r = TraceWorkload.Repeat.OFF;
        if (repeat != null && !repeat.equals("false")) {
            if (repeat.equals("true")) {
                r = new TraceWorkload.Repeat(true, 0);
            } else {
                try {
                    r = new TraceWorkload.Repeat(true, Durations.parseMicros(repeat));
                } catch (IllegalArgumentException e) {
                    throw new ScenarioException("--repeat: expected true, false or a period such as 1d, got '"
                            + repeat + "'");
                }
            }
        }
        TimeSpan start;
        try {
            start = offset == null ? null : TimeSpan.parse(offset);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException("--offset: " + e.getMessage());
        }
        BigDecimal factor;
        try {
            factor = scale == null ? null : new BigDecimal(scale);
        } catch (NumberFormatException e) {
            throw new ScenarioException("--scale: expected a number such as 0.5, got '" + scale + "'");
        }
        TraceWorkload.ServiceTime service = serviceColumn != null
                ? new TraceWorkload.ServiceTime(serviceColumn, serviceUnit, ServiceTimeSpec.DEFAULT)
                : new TraceWorkload.ServiceTime(null, null, fallback);
        if (serviceColumn == null && serviceUnit != null) {
            throw new ScenarioException("--service-unit: goes with --service-column");
        }
        try {
            return new WorkloadSpec.Trace(file, format, new TraceWorkload.Timestamp(timestampColumn, timestampFormat),
                    service, countColumn, minute, queueColumn, queues, originColumn, start, factor, r, sample,
                    sort, "--trace");
        } catch (IllegalArgumentException e) {
            throw new ScenarioException("--trace " + file + ": " + e.getMessage());
        }
    }
}
