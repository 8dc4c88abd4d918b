package dev.sluice.functions.handlers;

import dev.sluice.spi.StateEntry;
import dev.sluice.spi.StateStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Cursor stores in memory, one per source, with atomic compare-and-set (testkit's own is package-private). */
final class MemoryCursors implements Function<String, StateStore> {
    private final Map<String, Store> stores = new ConcurrentHashMap<>();

    @Override
    public StateStore apply(String source) {
        return stores.computeIfAbsent(source, s -> new Store());
    }

    private static final class Store implements StateStore {
        private final Map<String, StateEntry> entries = new HashMap<>();

        @Override
        public synchronized Optional<StateEntry> get(String key) {
            return Optional.ofNullable(entries.get(key));
        }

        @Override
        public synchronized boolean compareAndSet(String key, OptionalLong expectedVersion, String value) {
            StateEntry current = entries.get(key);
            OptionalLong stored = current == null ? OptionalLong.empty() : OptionalLong.of(current.version());
            if (!stored.equals(expectedVersion)) {
                return false;
            }
            entries.put(key, new StateEntry(key, value, expectedVersion.isPresent() ? expectedVersion.getAsLong() + 1 : 1));
            return true;
        }
    }
}
