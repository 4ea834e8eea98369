package dev.pollsim.sim.sweep;

import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * An engine that runs a sweep's cells outside this process, found by name with
 * {@link ServiceLoader} ({@code META-INF/services/dev.pollsim.sim.sweep.SweepEngine}). The core
 * modules know engines only through this interface, so none of them depends on a cluster's
 * libraries: an engine and its libraries are on the class path, or the engine does not exist.
 *
 * <p>An engine runs cells only; the plan, the rounds, the aggregation and the reports stay with
 * {@link SweepRunner} in the calling process.
 */
public interface SweepEngine {

    /** The name {@code --engine} selects it by, such as {@code spark}. */
    String name();

    /**
     * Connects to the engine.
     *
     * @param master where to run, in the engine's own terms (Spark: {@code local[2]},
     *     {@code spark://host:7077}, {@code yarn}, {@code k8s://...}); {@code null} to take it from
     *     the engine's own configuration
     * @throws Unavailable when the engine cannot run in this process (a library or a JVM option
     *     missing), with a message that says how to run it
     */
    Session start(String master);

    /** A connected engine: a {@link CellExecutor} until it is closed. */
    interface Session extends CellExecutor, AutoCloseable {

        /** Disconnects and frees the engine's resources. */
        @Override
        void close();
    }

    /** The engine cannot run here; the message says what is missing and how to run it instead. */
    final class Unavailable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public Unavailable(String message) {
            super(message);
        }

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The engine of that name on the class path, or {@code null} when there is none.
     *
     * @throws Unavailable when a provider is declared but cannot be loaded
     */
    static SweepEngine named(String name) {
        try {
            for (SweepEngine e : ServiceLoader.load(SweepEngine.class, SweepEngine.class.getClassLoader())) {
                if (e.name().equals(name)) {
                    return e;
                }
            }
            return null;
        } catch (ServiceConfigurationError e) {
            throw new Unavailable("engine " + name + " cannot be loaded: " + e.getMessage(), e);
        }
    }
}
