package dev.pollsim.cli;

import dev.pollsim.report.TraceStatsReport;
import dev.pollsim.sim.engine.RandomStreams;
import dev.pollsim.sim.scenario.ServiceTimeSpec;
import dev.pollsim.sim.trace.TraceStats;
import dev.pollsim.sim.trace.Traces;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pollsim trace stats FILE}: what a trace holds. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Arrivals, span, rate by hour of day (UTC), idle gaps and equal timestamps of a trace.")
final class TraceStatsCommand implements Callable<Integer> {

    /** Output formats of {@code trace stats}. */
    enum Format { table, json }

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The trace.")
    private String file;

    @Mixin
    private TraceOptions options;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of per-minute spreading and sampling (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    private Path out;

    @Override
    public Integer call() {
        TraceStats stats = Traces.stats(options.workload(file, ServiceTimeSpec.DEFAULT).trace(),
                new RandomStreams(seed));
        TraceStatsReport report = new TraceStatsReport();
        Output.write(format == Format.json ? report.json(file, stats) : report.text(file, stats), out,
                spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
