package dev.pollsim.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code pollsim} command: its subcommands do the work. */
@Command(
        name = "pollsim",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Simulates the backoff and hibernation policies of polling daemons: upstream requests"
                + " per day against wake latency, side by side.",
        subcommands = {RunCommand.class, ReportCommand.class, ExplainCommand.class, PoliciesCommand.class,
            ScenariosCommand.class, TraceCommand.class, CheckCommand.class, SweepCommand.class, TuneCommand.class},
        footer = {"", "Exit codes: 0 success, 1 a check failed, 2 a usage or input error."})
final class PollsimCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
