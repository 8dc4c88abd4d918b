package dev.sluice.testkit;

import dev.sluice.spi.StateEntry;
import dev.sluice.spi.StateStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** A {@link StateStore} in a map; compare-and-set is atomic under the store's lock. */
final class MemoryStateStore implements StateStore {
    private final Map<String, StateEntry> entries = new HashMap<>();

    @Override
    public synchronized Optional<StateEntry> get(String key) {
        Objects.requireNonNull(key, "key");
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public synchronized boolean compareAndSet(String key, OptionalLong expectedVersion, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        Objects.requireNonNull(value, "value");
        StateEntry current = entries.get(key);
        OptionalLong stored = current == null ? OptionalLong.empty() : OptionalLong.of(current.version());
        if (!stored.equals(expectedVersion)) {
            return false;
        }
        long next = expectedVersion.isPresent() ? expectedVersion.getAsLong() + 1 : 1;
        entries.put(key, new StateEntry(key, value, next));
        return true;
    }
}
