package dev.sluice.cli;

import java.io.PrintStream;

/**
 * The one line at the bottom of a terminal that the progress display owns. Every write to
 * stderr goes through here while it is shown: the status line is cleared, the text written on
 * lines of its own, and the status line redrawn below it, so the two never share a line.
 */
final class StatusLine {
    private static final String CLEAR = "\r\u001b[2K";
    private static final Object LOCK = new Object();
    private static PrintStream shownOn;
    private static String text = "";

    private StatusLine() {
    }

    /** Shows (or replaces) the status line on {@code out}. */
    static void show(PrintStream out, String status) {
        synchronized (LOCK) {
            shownOn = out;
            text = status;
            out.print(CLEAR + status);
            out.flush();
        }
    }

    /** Removes the status line for good. */
    static void hide() {
        synchronized (LOCK) {
            if (shownOn != null) {
                shownOn.print(CLEAR);
                shownOn.flush();
            }
            shownOn = null;
            text = "";
        }
    }

    /** Writes whole lines to {@code out} above the status line, if one is shown there. */
    static void write(PrintStream out, String lines) {
        synchronized (LOCK) {
            boolean shared = shownOn == out;
            if (shared) {
                out.print(CLEAR);
            }
            out.print(lines);
            if (shared) {
                out.print(text);
            }
            out.flush();
        }
    }
}
