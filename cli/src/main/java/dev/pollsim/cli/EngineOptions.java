package dev.pollsim.cli;

import dev.pollsim.sim.metrics.PolicyResult;
import dev.pollsim.sim.sweep.SweepCell;
import dev.pollsim.sim.sweep.SweepEngine;
import dev.pollsim.sim.sweep.SweepRunner;
import java.util.List;
import java.util.function.LongConsumer;
import picocli.CommandLine.Option;

/**
 * Where {@code sweep} runs its cells: on this machine's threads ({@code --engine local}), or on
 * an engine found on the class path by name ({@code --engine spark}, from the {@code spark}
 * module's jar). This module knows no engine but {@code local}: without the Spark engine's jar,
 * {@code --engine spark} is an input error that says how to run it.
 */
final class EngineOptions {

    /** The engine that runs cells on this machine's threads. */
    static final String LOCAL = "local";
    /** The engine of the {@code spark} module. */
    static final String SPARK = "spark";

    /** How to run a Spark sweep, for the message when this class path has no Spark engine. */
    static final String HOW_TO_RUN_SPARK = "run it with scripts/pollsim-spark sweep ... (Spark from $SPARK_HOME or the"
            + " build), or spark-submit --class dev.pollsim.spark.SparkMain pollsim-spark.jar sweep ... (docs/SCALE.md)";

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = LOCAL,
            description = "Where the cells run: local (this machine's threads, default) or spark (a Spark job, with"
                    + " the pollsim-spark jar and Spark on the class path; docs/SCALE.md). The results are the same"
                    + " bytes on either.")
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "With --engine spark: the Spark master, e.g. local[2], spark://host:7077, yarn,"
                    + " k8s://https://host:6443 (default: spark-submit's, else local[*]).")
    String master;

    /**
     * Connects to the chosen engine; close it when the sweep is done.
     *
     * @param threads {@code --threads} as given, or {@code null}
     * @param localThreads the threads of the local engine
     * @throws InputException when the engine does not exist, cannot run here, or an option does
     *     not apply to it
     */
    SweepEngine.Session open(Integer threads, int localThreads) {
        if (engine.equals(LOCAL)) {
            if (master != null) {
                throw new InputException("--master needs --engine spark");
            }
            return new Local(localThreads);
        }
        if (threads != null) {
            throw new InputException("--threads applies to --engine local; a Spark job's cores are its master's"
                    + " (--master local[N], or spark-submit's --executor-cores and --num-executors)");
        }
        SweepEngine found;
        try {
            found = SweepEngine.named(engine);
        } catch (SweepEngine.Unavailable e) {
            throw new InputException("--engine " + engine + ": " + e.getMessage());
        }
        if (found == null) {
            throw new InputException(engine.equals(SPARK)
                    ? "--engine spark: this class path has no Spark engine; " + HOW_TO_RUN_SPARK
                    : "--engine " + engine + ": no such engine; expected " + LOCAL + " or " + SPARK);
        }
        try {
            return found.start(master);
        } catch (SweepEngine.Unavailable e) {
            throw new InputException("--engine " + engine + ": " + e.getMessage());
        }
    }

    /** This machine's threads. */
    private static final class Local implements SweepEngine.Session {

        private final SweepRunner runner;

        Local(int threads) {
            this.runner = new SweepRunner(threads);
        }

        @Override
        public List<PolicyResult> run(List<SweepCell> cells, LongConsumer progress) {
            return runner.runCells(cells, progress);
        }

        @Override
        public void close() {
            // the pool of each round is shut down with its round
        }
    }
}
