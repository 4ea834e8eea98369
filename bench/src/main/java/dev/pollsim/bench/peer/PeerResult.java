package dev.pollsim.bench.peer;

/**
 * What one engine made of one day of the peer fleet: the figures both engines must agree on.
 *
 * @param engine which engine ran ({@code pollsim-step}, {@code pollsim}, {@code dsol})
 * @param policy the policy every loop ran
 * @param ticks poll-loop ticks in all
 * @param saturatedTicks ticks that found every worker slot busy and sent no request
 * @param requests upstream requests in all (one per tick that found a free slot)
 * @param arrived jobs that joined the queue before the horizon
 * @param picked jobs a tick took off the queue
 * @param completed jobs that finished before the horizon
 * @param meanWakeLatencyUs exact mean of arrival to pickup over every pickup, in microseconds
 * @param maxWakeLatencyUs the longest wake latency, in microseconds
 * @param events events the engine took off its event list: for pollsim stale ticks included (a
 *     re-armed tick leaves its old event to be skipped), for DSOL the events it executed (a
 *     re-armed tick's old event is cancelled out of the list)
 */
public record PeerResult(String engine, String policy, long ticks, long saturatedTicks, long requests, long arrived,
        long picked, long completed, double meanWakeLatencyUs, long maxWakeLatencyUs, long events) {
}
