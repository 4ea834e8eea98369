package dev.pollsim.spark;

import dev.pollsim.sim.sweep.SweepEngine;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.launcher.JavaModuleOptions;

/** Starts the Spark context of a sweep, from spark-submit's configuration and {@code --master}. */
final class SparkSessions {

    /** The master when neither {@code --master} nor spark-submit names one: every core here. */
    static final String DEFAULT_MASTER = "local[*]";

    private SparkSessions() {}

    /**
     * A session on {@code master}, or on the master of the configuration ({@code spark.master},
     * which spark-submit sets), else on {@link #DEFAULT_MASTER}. A local master's driver listens on
     * the loopback address only, without the web UI unless {@code spark.ui.enabled} says otherwise.
     *
     * @throws SweepEngine.Unavailable when Spark cannot start on that master; when this JVM also
     *     lacks options Spark's launcher would have given it, the message names them
     */
    static SweepEngine.Session start(String master) {
        SparkConf conf = new SparkConf();
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster(DEFAULT_MASTER);
        }
        conf.setIfMissing("spark.app.name", "pollsim sweep");
        if (conf.get("spark.master").startsWith("local")) {
            // everything in this JVM: nothing to offer other machines, and Spark's web UI would listen on every address
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        JavaSparkContext sc;
        try {
            sc = new JavaSparkContext(conf);
        } catch (Exception | LinkageError e) { // Spark throws its checked SparkException without declaring it
            throw new SweepEngine.Unavailable(cannotStart(conf.get("spark.master"), e, closedPackages()), e);
        }
        return new SparkCellExecutor(sc);
    }

    /** Why Spark did not start, with the JVM options it may have missed. */
    static String cannotStart(String master, Throwable e, List<String> closed) {
        String why = "Spark cannot start on master " + master + ": " + e;
        if (closed.isEmpty()) {
            return why;
        }
        // Spark 4's RDD path runs without them, but Spark supports Java 17+ only with them.
        return why + "; this JVM lacks options Spark's launcher gives its JVMs on Java 17+ (" + closed.get(0)
                + " is not open): start java with " + JavaModuleOptions.defaultModuleOptions() + ", or "
                + SparkSweepEngine.HOW_TO_RUN;
    }

    /** The packages Spark's launcher opens to its classes that this JVM keeps closed. */
    static List<String> closedPackages() {
        List<String> closed = new ArrayList<>();
        for (String option : JavaModuleOptions.defaultModuleOptionArray()) {
            if (!option.startsWith("--add-opens=") || !option.endsWith("=ALL-UNNAMED")) {
                continue;
            }
            String target = option.substring("--add-opens=".length(), option.length() - "=ALL-UNNAMED".length());
            int slash = target.indexOf('/');
            String module = target.substring(0, slash);
            String pkg = target.substring(slash + 1);
            ModuleLayer.boot().findModule(module).ifPresent(m -> {
                if (!m.isOpen(pkg, SparkSessions.class.getModule())) {
                    closed.add(module + "/" + pkg);
                }
            });
        }
        return closed;
    }
}
