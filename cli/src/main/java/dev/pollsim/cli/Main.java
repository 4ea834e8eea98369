package dev.pollsim.cli;

import picocli.CommandLine;

/** Entry point of the {@code pollsim} jar. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        // Charts are drawn off screen: never look for a display.
        System.setProperty("java.awt.headless", "true");
        int code;
        try {
            code = commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println(InputErrorHandler.outOfMemory());
            code = ExitCodes.INTERNAL;
        }
        System.exit(code);
    }

    /** The configured command line, shared by {@link #main} and tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new PollsimCommand());
        cl.setExecutionExceptionHandler(new InputErrorHandler());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }
}
