package dev.pollsim.sim.engine;

import java.util.SplittableRandom;
import org.apache.commons.math3.random.AbstractRandomGenerator;

/**
 * A commons-math3 {@code RandomGenerator} drawing from a seeded JDK stream, so that
 * commons-math3 distributions use pollsim's named streams. NOT thread-safe.
 */
public final class CommonsRandom extends AbstractRandomGenerator {

    private SplittableRandom delegate;

    public CommonsRandom(SplittableRandom delegate) {
        this.delegate = delegate;
    }

    @Override
    public void setSeed(long seed) {
        clear();
        delegate = new SplittableRandom(seed);
    }

    @Override
    public double nextDouble() {
        return delegate.nextDouble();
    }

    @Override
    public long nextLong() {
        return delegate.nextLong();
    }

    @Override
    public int nextInt() {
        return delegate.nextInt();
    }

    @Override
    public int nextInt(int n) {
        return delegate.nextInt(n);
    }
}
