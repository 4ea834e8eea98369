package dev.pollsim.spark;

import dev.pollsim.cli.ExitCodes;
import dev.pollsim.cli.Main;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/**
 * The main class of pollsim-spark.jar for {@code spark-submit}: {@code sweep} and then exactly the
 * arguments of {@code pollsim sweep}, parsed, checked and written by the same command, with
 * {@code --engine spark} unless the arguments name an engine. The Spark master and resources
 * come from spark-submit ({@code --master}, {@code --conf}); a {@code --master} after
 * {@code sweep} wins over spark-submit's.
 *
 * <p>On success it returns normally, so spark-submit (and YARN's application master in cluster
 * mode) records the application as succeeded; otherwise it exits with the command's code (2 for
 * bad input, 70 for an internal error).
 */
public final class SparkMain {

    private SparkMain() {}

    public static void main(String[] args) {
        // Charts are drawn off screen: never look for a display.
        System.setProperty("java.awt.headless", "true");
        int code = run(Main.commandLine(), args);
        if (code != ExitCodes.OK) {
            System.exit(code);
        }
    }

    /** Runs {@code args} on {@code cl} (pollsim's command line) and returns the exit code. */
    static int run(CommandLine cl, String... args) {
        if (args.length == 0 || !args[0].equals("sweep")) {
            cl.getErr().println("pollsim-spark: the first argument must be sweep, followed by the arguments of"
                    + " pollsim sweep, e.g. sweep --grid exp-idle.cap=30s,60s --replications 10 --out sweep.json");
            cl.getErr().flush();
            return ExitCodes.INPUT;
        }
        List<String> all = new ArrayList<>(Arrays.asList(args));
        if (all.stream().noneMatch(a -> a.equals("--engine") || a.startsWith("--engine="))) {
            all.addAll(1, List.of("--engine", "spark"));
        }
        return cl.execute(all.toArray(String[]::new));
    }
}
