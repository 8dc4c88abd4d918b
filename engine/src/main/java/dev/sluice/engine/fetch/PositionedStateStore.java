package dev.sluice.engine.fetch;

import dev.sluice.spi.StateStore;
import java.util.OptionalLong;

/**
 * A cursor store that keeps, next to each cursor, the position in the run that wrote it, so
 * a replay (a redelivered or salvaged work item re-running pages whose cursor is already
 * stored) never moves a cursor backwards, and a retried write that already landed is
 * recognised as written. The DynamoDB cursor store is one; local stores need not be (a local
 * sync never replays pages), and {@link ItemRunner} uses plain compare-and-set with them.
 */
public interface PositionedStateStore extends StateStore {
    /** What a positioned compare-and-set did. */
    enum Write {
        /** Stored now, or stored by an earlier attempt of this same write (same value, version and position). */
        WRITTEN,
        /** Nothing changed: the stored cursor was written at this position or a later one (a replay). */
        BEHIND,
        /** Nothing changed: another writer moved the cursor since it was read. */
        CONFLICT
    }

    /**
     * Stores {@code value} at version {@code expectedVersion + 1} with {@code position} when
     * the stored version still equals {@code expectedVersion} and the stored position (if any)
     * sorts before {@code position}; positions compare as strings ({@link CursorPosition}).
     */
    Write compareAndSet(String key, OptionalLong expectedVersion, String value, String position);
}
