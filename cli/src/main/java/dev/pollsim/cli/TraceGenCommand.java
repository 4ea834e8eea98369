package dev.pollsim.cli;

import dev.pollsim.sim.engine.RandomStreams;
import dev.pollsim.sim.scenario.Scenario;
import dev.pollsim.sim.scenario.ScenarioException;
import dev.pollsim.sim.trace.TimestampFormat;
import dev.pollsim.sim.trace.TraceFormat;
import dev.pollsim.sim.trace.TraceWriter;
import dev.pollsim.sim.trace.Traces;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pollsim trace gen}: the arrivals of any workload, written as a trace. */
@Command(name = "gen", mixinStandardHelpOptions = true,
        description = "Writes the arrivals of a workload (a preset or a scenario file's) as a trace with columns"
                + " timestamp and service_s.")
final class TraceGenCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--workload", paramLabel = "FILE|PRESET", defaultValue = "default",
            description = "A scenario file or preset whose workload, seed and fleet origin are used"
                    + " (default: ${DEFAULT-VALUE}).")
    private String workload;

    @Option(names = "--days", paramLabel = "N", description = "Days of arrivals (default: the scenario's).")
    private Integer days;

    @Option(names = "--seed", paramLabel = "S", description = "Master seed (default: the scenario's).")
    private Long seed;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The trace to write.")
    private Path out;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "csv, tsv, jsonl or per-minute (default: from the --out extension, else csv).")
    private String format;

    @Option(names = "--timestamp-format", paramLabel = "FORMAT", defaultValue = "datetime",
            description = "epoch-s, epoch-ms, epoch-us, epoch-ns, iso or datetime (default: ${DEFAULT-VALUE}).")
    private String timestampFormat;

    @Option(names = "--start", paramLabel = "TIME", defaultValue = "1970-01-01T00:00:00Z",
            description = "The trace time of the scenario start, ISO-8601 (default: ${DEFAULT-VALUE}).")
    private String start;

    @Override
    public Integer call() {
        Scenario s = ScenarioSource.withOverrides(ScenarioSource.load(workload), days, seed, spec.commandLine());
        long startUs = TimestampFormat.ISO.parse(start);
        if (startUs == TimestampFormat.INVALID) {
            throw new ScenarioException("--start: expected " + TimestampFormat.ISO.expected() + ", got '" + start + "'");
        }
        TraceFormat f = formatOf(format, out);
        TimestampFormat t = timestampFormatOf(timestampFormat);
        RandomStreams streams = new RandomStreams(s.seed());
        long n;
        try (OutputStream o = Files.newOutputStream(out)) {
            n = Traces.generate(s.workload().source(streams, s.fleet().jobOrigin()), s.horizonUs(), startUs,
                    TraceWriter.open(o, f, t, true, false, false));
        } catch (IOException e) {
            throw new InputException("--out " + out + ": cannot write: " + e.getMessage());
        }
        spec.commandLine().getErr().printf(Locale.ROOT, "pollsim: wrote %,d arrivals over %d day%s to %s\n", n,
                s.days(), s.days() == 1 ? "" : "s", out);
        spec.commandLine().getErr().flush();
        return ExitCodes.OK;
    }

    /** The format named, else the one the file's extension implies, else CSV. */
    static TraceFormat formatOf(String name, Path file) {
        try {
            if (name != null) {
                return TraceFormat.of(name);
            }
        } catch (IllegalArgumentException e) {
            throw new ScenarioException("--format: " + e.getMessage());
        }
        try {
            return TraceFormat.fromFileName(file.getFileName().toString());
        } catch (IllegalArgumentException e) {
            return TraceFormat.CSV;
        }
    }

    static TimestampFormat timestampFormatOf(String name) {
        try {
            return TimestampFormat.of(name);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException("--timestamp-format: " + e.getMessage());
        }
    }
}
