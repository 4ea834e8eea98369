package dev.pollsim.spark;

import org.apache.spark.launcher.JavaModuleOptions;

/**
 * Prints, on one line, the JVM options the Spark on the class path needs on Java 17+ (its
 * launcher's own list), for {@code scripts/pollsim-spark} to start a plain {@code java} with them.
 */
public final class JvmOptions {

    private JvmOptions() {}

    public static void main(String[] args) {
        System.out.println(JavaModuleOptions.defaultModuleOptions());
    }
}
