package dev.sluice.functions.e2e;

import dev.sluice.engine.fetch.CrashPoints;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Installs a crash at one step of a work item: the process "dies" the first time it reaches
 * {@code point}, or for the steps that end and count items, the second time (a run of two items
 * crashes at its second, where the finalize request hangs on it).
 */
final class CrashAt {
    private CrashAt() {
    }

    /** @return set once the crash happened */
    static AtomicBoolean install(CrashPoints.Point point) {
        int at = point == CrashPoints.Point.AFTER_END || point == CrashPoints.Point.AFTER_COUNT ? 2 : 1;
        AtomicInteger reached = new AtomicInteger();
        AtomicBoolean died = new AtomicBoolean();
        CrashPoints.install(p -> {
            if (p == point && reached.incrementAndGet() == at) {
                died.set(true);
                throw new CrashPoints.Crash(p);
            }
        });
        return died;
    }
}
