package dev.sluice.spi;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A key/value table with versions, CloudQuery's state table shape
 * {@code (key text primary key, value text, version numeric(20,0))}.
 */
public interface StateStore {
    Optional<StateEntry> get(String key);

    /**
     * Stores {@code value} with version {@code expectedVersion + 1} (or 1 when
     * {@code expectedVersion} is empty, meaning "no entry yet") if, atomically, the stored
     * version still equals {@code expectedVersion}. Returns false, changing nothing, when
     * another writer got there first.
     */
    boolean compareAndSet(String key, OptionalLong expectedVersion, String value);
}
