package dev.pollsim.cli;

import java.io.Console;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A one-line progress bar on standard error, drawn only on an interactive terminal: never when
 * output is piped, never in CI logs ({@code CI} set), never with {@code --no-progress}. Nothing is
 * drawn before {@link #DELAY_NANOS} has passed, so short runs print nothing. Redraws at most ten
 * times a second. Thread-safe: cells finishing on several threads may call {@link #advance}.
 */
final class ProgressBar implements AutoCloseable {

    /** Runs shorter than this draw no bar. */
    static final long DELAY_NANOS = 2_000_000_000L;

    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int WIDTH = 30;

    private final String label;
    private final long total;
    private final PrintStream out;
    private final boolean enabled;
    private final long startNanos = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private long lastDrawNanos;
    private boolean drawn;

    private ProgressBar(String label, long total, PrintStream out, boolean enabled) {
        this.label = label;
        this.total = Math.max(1, total);
        this.out = out;
        this.enabled = enabled;
    }

    /** A bar for {@code total} steps, shown only where a person is watching. */
    static ProgressBar start(String label, long total, boolean suppressed) {
        boolean interactive = onTerminal() && System.getenv("CI") == null && !suppressed;
        return new ProgressBar(label, total, System.err, interactive);
    }

    /**
     * Whether the process talks to a terminal. From JDK 22 {@link System#console()} is not null
     * even when output is piped, and {@code Console.isTerminal()} (JDK 22+) tells; this code
     * compiles for 17, so it asks for that method by name.
     */
    static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            // before JDK 22 a console exists only on a terminal
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /** A bar that never draws, for tests and non-interactive use. */
    static ProgressBar silent() {
        return new ProgressBar("", 1, System.err, false);
    }

    /** {@code steps} more steps are done. */
    void advance(long steps) {
        long now = done.addAndGet(steps);
        if (enabled) {
            draw(now, false);
        }
    }

    /** Sets the steps done to {@code value} (for monotone progress such as simulated time). */
    void set(long value) {
        done.accumulateAndGet(value, Math::max);
        if (enabled) {
            draw(done.get(), false);
        }
    }

    @Override
    public void close() {
        if (enabled && drawn) {
            synchronized (this) {
                out.print("\r" + " ".repeat(WIDTH + label.length() + 24) + "\r");
                out.flush();
            }
        }
    }

    private synchronized void draw(long value, boolean force) {
        long now = System.nanoTime();
        if (now - startNanos < DELAY_NANOS || (!force && now - lastDrawNanos < REDRAW_NANOS)) {
            return;
        }
        lastDrawNanos = now;
        drawn = true;
        double fraction = Math.min(1.0, (double) value / total);
        int filled = (int) Math.round(fraction * WIDTH);
        out.print(String.format(Locale.ROOT, "\r%s [%s%s] %3.0f%% %5.1fs", label, "#".repeat(filled),
                ".".repeat(WIDTH - filled), fraction * 100, (now - startNanos) / 1e9));
        out.flush();
    }
}
