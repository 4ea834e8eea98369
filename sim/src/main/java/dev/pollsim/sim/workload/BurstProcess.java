package dev.pollsim.sim.workload;

/** {@code count} jobs, all at one instant. */
public final class BurstProcess implements ArrivalProcess {

    private final long atUs;
    private int remaining;

    public BurstProcess(int count, long atUs) {
        if (count < 0 || atUs < 0) {
            throw new IllegalArgumentException("a burst needs count >= 0 and a time >= 0");
        }
        this.atUs = atUs;
        this.remaining = count;
    }

    @Override
    public long nextTimeUs() {
        if (remaining == 0) {
            return ArrivalSource.NONE;
        }
        remaining--;
        return atUs;
    }
}
