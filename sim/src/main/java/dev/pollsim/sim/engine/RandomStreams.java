package dev.pollsim.sim.engine;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Seeded random streams, one per named source ({@code workload/arrivals},
 * {@code fleet/daemon/3/phase}).
 *
 * <p>A stream's seed depends only on the master seed and the stream's name, never on how many
 * other streams exist or in which order they were asked for: adding a daemon does not change
 * the arrivals another daemon sees. Streams are JDK {@link SplittableRandom} generators; wrap one
 * in {@link CommonsRandom} where a commons-math3 distribution needs it. Immutable and
 * thread-safe; the streams it returns are not.
 */
public final class RandomStreams {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long GOLDEN = 0x9e3779b97f4a7c15L;

    private final long masterSeed;

    public RandomStreams(long masterSeed) {
        this.masterSeed = masterSeed;
    }

    public long masterSeed() {
        return masterSeed;
    }

    /** The seed of the stream with this name. */
    public long seedOf(String name) {
        long h = FNV_OFFSET;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= FNV_PRIME;
        }
        return mix(mix(masterSeed + GOLDEN) ^ h);
    }

    /** A new generator for the stream with this name, at its start. */
    public SplittableRandom stream(String name) {
        return new SplittableRandom(seedOf(name));
    }

    /** The same stream as {@link #stream}, as a commons-math3 generator. */
    public CommonsRandom commonsStream(String name) {
        return new CommonsRandom(stream(name));
    }

    /** The streams of replication {@code r}: independent of every other replication's. */
    public RandomStreams replication(int r) {
        return r == 0 ? this : new RandomStreams(mix(masterSeed ^ (GOLDEN * (r + 1L))));
    }

    /**
     * The streams of daemon {@code d} of a fleet of independent daemons: each daemon's workload
     * and loops draw from streams of their own, whatever the fleet's size.
     */
    public RandomStreams daemon(int d) {
        return new RandomStreams(mix(masterSeed ^ mix(GOLDEN * (d + 1L) + 0x632be59bd9b4e019L)));
    }

    /** The SplitMix64 finalizer: a bijective avalanche of 64 bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
