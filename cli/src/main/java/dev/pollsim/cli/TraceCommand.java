package dev.pollsim.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pollsim trace}: work with recorded arrival traces; its subcommands do the work. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Recorded arrival traces: statistics, generation from a workload, format conversion.",
        subcommands = {TraceStatsCommand.class, TraceGenCommand.class, TraceConvertCommand.class})
final class TraceCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
