package dev.sluice.engine.fetch;

import java.util.function.Consumer;

/**
 * Named step boundaries of a work item where a test can make the process die: the seam the
 * crash-injection tests use to prove that a crash at any step replays work instead of losing
 * or doubling it. In production no hook is installed and {@link #reach} is one volatile read.
 * A test's hook typically throws {@link Crash}, an {@link Error} that no handler catches, as
 * the end of the process would.
 */
public final class CrashPoints {
    /** The boundaries, in the order a work item passes them. */
    public enum Point {
        /** A page's rows are in the batches; nothing flushed by this step yet. */
        AFTER_WRITE,
        /** Every batch flushed; the cursor not committed. */
        AFTER_FLUSH,
        /** The cursor committed; the ledger not told. */
        AFTER_CURSOR,
        /** The ledger recorded the continuation; the continuation message not sent. */
        AFTER_LEDGER,
        /** The item ended in the ledger; its end not counted on the run. */
        AFTER_END,
        /** The end counted; the finalize request not sent. */
        AFTER_COUNT
    }

    /** What a test's hook throws: the process ends here. */
    public static final class Crash extends Error {
        public Crash(Point at) {
            super("injected crash " + at);
        }
    }

    private static volatile Consumer<Point> hook;

    private CrashPoints() {
    }

    /** Passes {@code point}: a no-op unless a test installed a hook. */
    public static void reach(Point point) {
        Consumer<Point> h = hook;
        if (h != null) {
            h.accept(point);
        }
    }

    /** For tests: called at every point until {@link #clear()}. */
    public static void install(Consumer<Point> h) {
        hook = h;
    }

    public static void clear() {
        hook = null;
    }
}
