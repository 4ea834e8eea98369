package dev.pollsim.bench.peer;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.tudelft.simulation.dsol.experiment.SingleReplication;
import nl.tudelft.simulation.dsol.simulators.DevsSimulator;
import nl.tudelft.simulation.dsol.simulators.SimulatorInterface;
import org.djutils.event.reference.ReferenceType;

/**
 * Runs the peer fleet on DSOL: one day, one replication on a fresh simulator, to its end and
 * synchronously.
 *
 * <p>A DSOL simulator runs its replication in a worker thread of its own, and {@code start()}
 * returns as soon as that thread has begun. The caller therefore runs the replication up to the
 * horizon ({@code runUpTo}, which like pollsim stops before the first event at or after it),
 * blocks until the simulator fires its {@code STOP_EVENT}, checks that the clock reached the
 * horizon (an exception in an event would have paused it earlier), then ends the replication and
 * releases the worker thread ({@code endReplication}, {@code cleanUp}). Running to the
 * replication's own end instead ({@code start()} and waiting for {@code END_REPLICATION_EVENT})
 * is no good for timing: DSOL 4.2.3's {@code endReplication}, when its scheduled event runs it in
 * the worker thread, waits up to a second for that very thread to die.
 */
public final class DsolFleet {

    private static final long TIMEOUT_MINUTES = 10;

    private DsolFleet() {
    }

    /** One day on a fresh DSOL simulator. */
    public static PeerResult run(PeerWorkload workload, String policy) {
        DevsSimulator<Double> simulator = new DevsSimulator<>("pollsim-peer");
        DsolFleetModel model = new DsolFleetModel(simulator, workload, policy);
        double horizon = PeerWorkload.HORIZON_US;
        SingleReplication<Double> replication = new SingleReplication<>("day", 0.0, 0.0, horizon);
        try {
            simulator.initialize(model, replication);
            CountDownLatch stopped = new CountDownLatch(1);
            simulator.addListener(event -> stopped.countDown(), SimulatorInterface.STOP_EVENT, ReferenceType.STRONG);
            simulator.runUpTo(horizon);
            if (!stopped.await(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                throw new IllegalStateException("DSOL did not stop within " + TIMEOUT_MINUTES + " minutes");
            }
            if (simulator.getSimulatorTime() != horizon) {
                throw new IllegalStateException(
                        "DSOL stopped at " + simulator.getSimulatorTime() + " us, before the horizon");
            }
            simulator.endReplication();
            return model.result();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while DSOL ran", e);
        } finally {
            simulator.cleanUp();
            replication.removeFromContext();
        }
    }
}
