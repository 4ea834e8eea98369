package dev.pollsim.cli;

import dev.pollsim.sim.engine.RandomStreams;
import dev.pollsim.sim.scenario.ServiceTimeSpec;
import dev.pollsim.sim.trace.TimestampFormat;
import dev.pollsim.sim.trace.TraceFile;
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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pollsim trace convert FILE --out FILE}: a trace rewritten in another format. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Rewrites a trace in another format (columns timestamp, service_s, queue, origin, as the"
                + " input has them; per-minute: timestamp, count, service_s).")
final class TraceConvertCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The trace to read.")
    private String file;

    @Mixin
    private TraceOptions options;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The trace to write.")
    private Path out;

    @Option(names = "--to", paramLabel = "FORMAT",
            description = "csv, tsv, jsonl or per-minute (default: from the --out extension, else csv).")
    private String to;

    @Option(names = "--to-timestamp-format", paramLabel = "FORMAT", defaultValue = "datetime",
            description = "How to write times (default: ${DEFAULT-VALUE}).")
    private String toTimestampFormat;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of per-minute spreading and sampling (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() {
        TraceFile trace = options.workload(file, ServiceTimeSpec.DEFAULT).trace();
        TraceFormat f = TraceGenCommand.formatOf(to, out);
        TimestampFormat t = TraceGenCommand.timestampFormatOf(toTimestampFormat);
        boolean perMinute = f == TraceFormat.PER_MINUTE;
        long n;
        try (OutputStream o = Files.newOutputStream(out)) {
            n = Traces.convert(trace, new RandomStreams(seed), TraceWriter.open(o, f, t,
                    trace.layout().serviceColumn() != null,
                    !perMinute && trace.layout().queueColumn() != null,
                    !perMinute && trace.layout().originColumn() != null));
        } catch (IOException e) {
            throw new InputException("--out " + out + ": cannot write: " + e.getMessage());
        }
        spec.commandLine().getErr().printf(Locale.ROOT, "pollsim: wrote %,d arrivals to %s\n", n, out);
        spec.commandLine().getErr().flush();
        return ExitCodes.OK;
    }
}
