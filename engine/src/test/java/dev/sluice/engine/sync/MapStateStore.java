package dev.sluice.engine.sync;

import dev.sluice.spi.StateEntry;
import dev.sluice.spi.StateStore;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory state store for fetch-loop tests (the real ones have their own suites). */
public class MapStateStore implements StateStore {
    public final Map<String, StateEntry> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<StateEntry> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public synchronized boolean compareAndSet(String key, OptionalLong expectedVersion, String value) {
        StateEntry current = entries.get(key);
        long stored = current == null ? 0 : current.version();
        if (stored != expectedVersion.orElse(0)) {
            return false;
        }
        entries.put(key, new StateEntry(key, value, stored + 1));
        return true;
    }
}
