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

    /** What to say when the heap runs out: the run is too large for it, not a bug. */
    static String outOfMemory() {
        return "pollsim: out of memory (" + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB of heap); give the"
                + " JVM more, e.g. POLLSIM_JAVA_OPTS=-Xmx2g scripts/pollsim ...";
    }

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
        for (Throwable c = ex; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                err.println(outOfMemory());
                err.flush();
                return ExitCodes.INTERNAL;
            }
        }
        err.println("pollsim: internal error, please report it: " + ex);
        ex.printStackTrace(err);
        err.flush();
        return ExitCodes.INTERNAL;
    }
}
