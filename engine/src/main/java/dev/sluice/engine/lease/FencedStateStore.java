package dev.sluice.engine.lease;

import dev.sluice.spi.StateEntry;
import dev.sluice.spi.StateStore;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A cursor store whose compare-and-set first checks the run's {@link Fence}. For the local
 * stores (SQLite, PostgreSQL, the embedded default); it hides any other interface the store has.
 */
final class FencedStateStore implements StateStore {
    private final StateStore inner;
    private final Fence fence;

    FencedStateStore(StateStore inner, Fence fence) {
        this.inner = inner;
        this.fence = fence;
    }

    @Override
    public Optional<StateEntry> get(String key) {
        return inner.get(key);
    }

    @Override
    public boolean compareAndSet(String key, OptionalLong expectedVersion, String value) {
        fence.check();
        return inner.compareAndSet(key, expectedVersion, value);
    }
}
