package dev.pollsim.cli;

import dev.pollsim.sim.scenario.ScenarioException;
import dev.pollsim.sim.trace.TraceException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Turns exceptions into exit codes: bad input gets one clear line and exit 2, never a stack
 * trace; anything else is a bug, reported with its trace and exit 70.
 */
final class InputErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (ex instanceof ScenarioException || ex instanceof InputException || ex instanceof TraceException) {
            err.println("pollsim: " + ex.getMessage());
            err.flush();
            return ExitCodes.INPUT;
        }
        if (ex instanceof UncheckedIOException) {
            err.println("pollsim: " + ex.getCause().getMessage());
            err.flush();
            return ExitCodes.INPUT;
        }
        err.println("pollsim: internal error, please report it: " + ex);
        ex.printStackTrace(err);
        err.flush();
        return ExitCodes.INTERNAL;
    }
}
