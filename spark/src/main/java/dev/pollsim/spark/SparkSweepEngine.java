package dev.pollsim.spark;

import dev.pollsim.sim.sweep.SweepEngine;

/**
 * The {@code spark} engine of {@code pollsim sweep --engine spark}, found through
 * {@code META-INF/services}. It refers to no Spark class itself, so that a class path with
 * pollsim-spark.jar but without Spark gets a message saying how to run, not a linkage error;
 * {@link SparkSessions} does the rest once Spark is known to be there.
 */
public final class SparkSweepEngine implements SweepEngine {

    /** How to put Spark on the class path, for the message when it is not. */
    static final String HOW_TO_RUN = "run it with spark-submit --class dev.pollsim.spark.SparkMain pollsim-spark.jar"
            + " sweep ..., or scripts/pollsim-spark sweep ... (docs/SCALE.md)";

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public Session start(String master) {
        try {
            Class.forName("org.apache.spark.SparkContext", false, SparkSweepEngine.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new Unavailable("Spark is not on the class path (pollsim-spark.jar does not contain it: add"
                    + " $SPARK_HOME/jars/*), or " + HOW_TO_RUN, e);
        }
        return SparkSessions.start(master);
    }
}
