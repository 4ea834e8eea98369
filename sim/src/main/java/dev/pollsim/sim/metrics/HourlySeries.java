package dev.pollsim.sim.metrics;

import java.util.Arrays;

/**
 * Per simulated hour: upstream requests, arrivals, and the peak queue depth.
 *
 * @param requests requests made in each hour
 * @param arrivals jobs that arrived in each hour
 * @param peakQueued the largest number of jobs waiting at any instant of each hour
 */
public record HourlySeries(long[] requests, long[] arrivals, long[] peakQueued) {

    public HourlySeries {
        requests = requests.clone();
        arrivals = arrivals.clone();
        peakQueued = peakQueued.clone();
    }

    /** Number of hours covered. */
    public int hours() {
        return requests.length;
    }

    @Override
    public long[] requests() {
        return requests.clone();
    }

    @Override
    public long[] arrivals() {
        return arrivals.clone();
    }

    @Override
    public long[] peakQueued() {
        return peakQueued.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HourlySeries
                && Arrays.equals(requests, ((HourlySeries) o).requests)
                && Arrays.equals(arrivals, ((HourlySeries) o).arrivals)
                && Arrays.equals(peakQueued, ((HourlySeries) o).peakQueued);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(requests) * 31 + Arrays.hashCode(arrivals);
    }

    @Override
    public String toString() {
        return "HourlySeries[" + requests.length + " hours]";
    }
}
