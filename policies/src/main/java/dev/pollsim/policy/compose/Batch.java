package dev.pollsim.policy.compose;

/**
 * How many jobs one tick may start and the pause between two of them (seed 004).
 *
 * @param size the most jobs one tick starts; 0 for no limit beyond free slots and queued jobs
 * @param spawnJitterMinUs the shortest pause between two spawns of one tick
 * @param spawnJitterMaxUs the longest
 */
public record Batch(int size, long spawnJitterMinUs, long spawnJitterMaxUs) {

    public Batch {
        if (size < 0 || spawnJitterMinUs < 0 || spawnJitterMaxUs < spawnJitterMinUs) {
            throw new IllegalArgumentException("need size >= 0 and 0 <= spawnJitter.min <= spawnJitter.max");
        }
    }
}
