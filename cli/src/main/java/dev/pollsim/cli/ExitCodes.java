package dev.pollsim.cli;

/** What pollsim's exit codes mean; scripts and CI depend on them. */
public final class ExitCodes {

    /** Success. */
    public static final int OK = 0;
    /** A check failed (a broken budget). */
    public static final int FAILED = 1;
    /** A usage or input error: bad option, scenario, parameter or file. */
    public static final int INPUT = 2;
    /** A bug in pollsim. */
    public static final int INTERNAL = 70;

    private ExitCodes() {}
}
