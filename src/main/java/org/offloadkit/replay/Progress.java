package org.offloadkit.replay;

import java.io.PrintStream;

/**
 * Progress through a capture on the console, at most once a second: how far, how fast, how long still. Long
 * captures take minutes; a person watching wants to know it is moving.
 */
public final class Progress {
    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final PrintStream console;
    private final String what;
    private String capture;
    private long size;
    private long started;
    private long lastPrinted;

    private Progress(PrintStream console, String what) {
        this.console = console;
        this.what = what;
    }

    public static Progress to(PrintStream console, String what) {
        return new Progress(console, what);
    }

    /** Progress nobody sees: for benchmarks and tests. */
    public static Progress silent() {
        return new Progress(null, "");
    }

    void start(String capture, long size) {
        this.capture = capture;
        this.size = size;
        started = System.nanoTime();
        lastPrinted = started;
    }

    void advance(long packets, long position) {
        if (console == null || (packets & 0x3FF) != 0) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastPrinted < INTERVAL_NANOS) {
            return;
        }
        lastPrinted = now;
        double seconds = (now - started) / 1e9;
        double fraction = size == 0 ? 1 : (double) position / size;
        double left = fraction <= 0 ? 0 : seconds / fraction - seconds;
        console.printf("  %s %s: %3.0f%% · %,d packets · %,.0f packets/s · %s left%n", what, capture, fraction * 100, packets,
                packets / seconds, duration(left));
        console.flush();
    }

    void finish(long packets) {
        if (console == null) {
            return;
        }
        double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-9);
        if (seconds >= 1) {
            console.printf("  %s %s: %,d packets in %s (%,.0f packets/s)%n", what, capture, packets, duration(seconds), packets / seconds);
            console.flush();
        }
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : s / 60 + " min " + s % 60 + " s";
    }
}
