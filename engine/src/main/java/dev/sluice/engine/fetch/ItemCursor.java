package dev.sluice.engine.fetch;

import dev.sluice.spi.StateEntry;
import dev.sluice.spi.StateStore;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The stored cursor of an incremental work item and the value waiting to be committed.
 * Commits are compare-and-set on the version read, under the engine's retry. With a
 * {@link PositionedStateStore} each value carries the position of the page that produced it,
 * so a replayed page never moves the cursor back (DESIGN.md invariant 3). With any store, a
 * retried write that already landed (the value this commit writes, at the version it writes)
 * counts as written; the loser of a real race stops the item. Thread-safe: the batch timer
 * commits too (after a timed flush), beside the fetch loop.
 */
final class ItemCursor {
    private final StateStore store;
    private final String key;
    private final Retry retry;
    private final Optional<String> atStart;
    private Optional<String> committed;
    private OptionalLong version;
    private Optional<String> pending = Optional.empty();
    private String pendingPosition = "";

    /** An item without cursor (a full table): nothing is ever committed. */
    static ItemCursor none(String key) {
        return new ItemCursor(null, key, Optional.empty(), Retry.standard());
    }

    ItemCursor(StateStore store, String key, Optional<StateEntry> entry, Retry retry) {
        this.store = store;
        this.key = key;
        this.retry = retry;
        this.committed = entry.map(StateEntry::value);
        this.atStart = committed;
        this.version = entry.map(e -> OptionalLong.of(e.version())).orElse(OptionalLong.empty());
    }

    /**
     * The cursor stored when this item started. Every page of the item is asked with it;
     * from the second page on the resume token says where to continue.
     */
    synchronized Optional<String> value() {
        return atStart;
    }

    /** A page reached {@code pageCursor} at {@code position} ({@link CursorPosition}). */
    synchronized void advance(Optional<String> pageCursor, String position) {
        if (store != null && pageCursor.isPresent()) {
            pending = pageCursor;
            pendingPosition = position;
        }
    }

    synchronized boolean pending() {
        return pending.isPresent() && !pending.equals(committed);
    }

    synchronized void commit() {
        if (!pending()) {
            return;
        }
        String value = pending.get();
        if (store instanceof PositionedStateStore positioned) {
            PositionedStateStore.Write w = retry.call("commit of the cursor of " + key,
                    () -> positioned.compareAndSet(key, version, value, pendingPosition));
            switch (w) {
                case WRITTEN -> version = OptionalLong.of(version.orElse(0) + 1);
                case BEHIND -> version = retry.call("read of the cursor of " + key, () -> store.get(key))
                        .map(e -> OptionalLong.of(e.version())).orElse(OptionalLong.empty());
                case CONFLICT -> throw new CursorConflictException(key);
            }
        } else {
            OptionalLong expected = version;
            if (!retry.call("commit of the cursor of " + key, () -> store.compareAndSet(key, expected, value))
                    && !landed(expected, value)) {
                throw new CursorConflictException(key);
            }
            version = OptionalLong.of(version.orElse(0) + 1);
        }
        committed = pending;
    }

    /**
     * Whether the store already holds {@code value} at the version this commit writes: an
     * earlier attempt of this very commit landed before its answer was lost, and the retry
     * lost to it. Counts as written (one rule for every store, positioned or not).
     */
    private boolean landed(OptionalLong expected, String value) {
        return retry.call("read of the cursor of " + key, () -> store.get(key))
                .filter(e -> e.version() == expected.orElse(0) + 1 && e.value().equals(value)).isPresent();
    }
}
