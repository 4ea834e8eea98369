package dev.pollsim.sim.trace;

import java.util.Arrays;

/**
 * The kept rows of a trace, sorted by time: the one reader that holds the trace in memory (see
 * {@link TraceReplay#sort()} for its cost). The sort is stable, so rows with equal times keep
 * their file order. Rows the queue filter drops are not held. NOT thread-safe.
 */
final class SortedRows implements TraceRows {

    private final String file;
    private int size;
    private long[] times = new long[1024];
    private int[] lines = new int[1024];
    private long[] services;
    private long[] counts;
    private byte[] origins;
    private String[] queues;
    private int[] order;
    private int next = -1;
    private int at;

    /** Reads every row of {@code rows} (and closes it). */
    SortedRows(TraceRows rows, boolean hasService, boolean perMinute, boolean hasOrigin, boolean hasQueue) {
        this.file = rows.file();
        services = hasService ? new long[1024] : null;
        counts = perMinute ? new long[1024] : null;
        origins = hasOrigin ? new byte[1024] : null;
        queues = hasQueue ? new String[1024] : null;
        try (rows) {
            while (rows.advance()) {
                if (!rows.kept()) {
                    continue;
                }
                if (size == times.length) {
                    grow();
                }
                times[size] = rows.timeUs();
                lines[size] = (int) Math.min(Integer.MAX_VALUE, rows.line());
                if (services != null) {
                    services[size] = rows.serviceUs();
                }
                if (counts != null) {
                    counts[size] = rows.count();
                }
                if (origins != null) {
                    origins[size] = (byte) rows.origin();
                }
                if (queues != null) {
                    queues[size] = rows.queue();
                }
                size++;
            }
        }
        order = stableOrder(times, size);
    }

    private void grow() {
        int cap = times.length * 2;
        times = Arrays.copyOf(times, cap);
        lines = Arrays.copyOf(lines, cap);
        services = services == null ? null : Arrays.copyOf(services, cap);
        counts = counts == null ? null : Arrays.copyOf(counts, cap);
        origins = origins == null ? null : Arrays.copyOf(origins, cap);
        queues = queues == null ? null : Arrays.copyOf(queues, cap);
    }

    /** Indices of {@code keys[0, n)} in ascending key order, equal keys in index order; {@code null} when already sorted. */
    static int[] stableOrder(long[] keys, int n) {
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) {
            sorted = keys[i - 1] <= keys[i];
        }
        if (sorted) {
            return null;
        }
        int[] a = new int[n];
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    b[k++] = keys[a[j]] < keys[a[i]] ? a[j++] : a[i++];
                }
                while (i < mid) {
                    b[k++] = a[i++];
                }
                while (j < hi) {
                    b[k++] = a[j++];
                }
            }
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }

    @Override
    public boolean advance() {
        if (next + 1 >= size) {
            return false;
        }
        next++;
        at = order == null ? next : order[next];
        return true;
    }

    @Override
    public long timeUs() {
        return times[at];
    }

    @Override
    public long count() {
        return counts == null ? 1 : counts[at];
    }

    @Override
    public long serviceUs() {
        return services == null ? NO_SERVICE : services[at];
    }

    @Override
    public int origin() {
        return origins == null ? NO_ORIGIN : origins[at];
    }

    @Override
    public boolean kept() {
        return true;
    }

    @Override
    public long line() {
        return lines[at];
    }

    @Override
    public String queue() {
        return queues == null ? null : queues[at];
    }

    @Override
    public String file() {
        return file;
    }

    @Override
    public void close() {
        // the rows are in memory; the file was closed once they were read
    }
}
