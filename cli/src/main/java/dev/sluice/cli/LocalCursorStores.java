package dev.sluice.cli;

import dev.sluice.engine.sync.CursorStores;
import dev.sluice.engine.sync.PreparedSync;
import dev.sluice.spi.StateStore;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Cursors for {@code --emulate-aws}, kept where a plain {@code sluice sync} keeps them
 * ({@link CursorStores}: the {@code backend_options} table, else {@code cq_state_<source>} in
 * the source's first destination, else {@code .sluice/state.sqlite}), because the emulated
 * DynamoDB lives only as long as the command. The two kinds of run share cursors. Destinations
 * must be open before the first call.
 */
final class LocalCursorStores implements Function<String, StateStore>, AutoCloseable {
    private final PreparedSync prepared;
    private final CursorStores stores;
    private final Map<String, StateStore> bySource = new HashMap<>();

    LocalCursorStores(PreparedSync prepared, Path stateDirectory) {
        this.prepared = prepared;
        this.stores = new CursorStores(stateDirectory, prepared.registry());
    }

    @Override
    public synchronized StateStore apply(String source) {
        return bySource.computeIfAbsent(source, name -> stores.forSource(prepared.sources().stream()
                .filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no source " + name + " in the config"))));
    }

    @Override
    public synchronized void close() {
        stores.close();
    }
}
