package dev.sluice.engine.fetch;

import dev.sluice.spi.StateEntry;
import dev.sluice.spi.StateStore;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A cursor's compare-and-set, retried when it fails transiently (a connection lost, a server
 * restarting). Such a failure leaves the outcome unknown: the write may have landed before the
 * acknowledgment was lost. So every attempt after the first reads the entry first: our value
 * at the next version means the lost attempt landed (done); the expected version still stored
 * means it did not (set again); anything else means another writer moved it (lost the race).
 * The cursor is never written twice nor over another writer.
 */
final class CursorCommit {
    private CursorCommit() {
    }

    /** True if {@code value} is stored at version {@code expected + 1}; false if another writer got there first. */
    static boolean compareAndSet(StateStore store, Retry retry, String key, OptionalLong expected, String value) {
        boolean[] tried = {false};
        return retry.call("commit of the cursor of " + key, () -> {
            if (tried[0]) {
                Optional<StateEntry> now = store.get(key);
                if (now.isPresent() && now.get().version() == expected.orElse(0) + 1 && now.get().value().equals(value)) {
                    return true;
                }
                OptionalLong stored = now.map(e -> OptionalLong.of(e.version())).orElse(OptionalLong.empty());
                if (!stored.equals(expected)) {
                    return false;
                }
            }
            tried[0] = true;
            return store.compareAndSet(key, expected, value);
        });
    }
}
