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
     * the loopback address only.
     *
     * @throws SweepEngine.Unavailable when this JVM lacks the options Spark needs, or Spark cannot
     *     start on that master
     */
    static SweepEngine.Session start(String master) {
        List<String> closed = closedPackages();
        if (!closed.isEmpty()) {
            throw new SweepEngine.Unavailable("Spark needs JVM options on Java 17+ that this JVM was not started"
                    + " with (" + closed.get(0) + " is not open) and spark-submit adds itself: start java with "
                    + JavaModuleOptions.defaultModuleOptions() + "; or " + SparkSweepEngine.HOW_TO_RUN);
        }
        SparkConf conf = new SparkConf();
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster(DEFAULT_MASTER);
        }
        conf.setIfMissing("spark.app.name", "pollsim sweep");
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        JavaSparkContext sc;
        try {
            sc = new JavaSparkContext(conf);
        } catch (Exception e) { // Spark throws its checked SparkException without declaring it
            throw new SweepEngine.Unavailable("Spark cannot start on master " + conf.get("spark.master") + ": "
                    + e.getMessage(), e);
        }
        return new SparkCellExecutor(sc);
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
