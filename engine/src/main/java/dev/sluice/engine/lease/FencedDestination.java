package dev.sluice.engine.lease;

import dev.sluice.spi.BatchLimits;
import dev.sluice.spi.Destination;
import dev.sluice.spi.MigrateMode;
import dev.sluice.spi.StateStore;
import dev.sluice.spi.TableSchema;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A destination whose writes and delete-stale first check the run's {@link Fence}; the rest passes through. */
final class FencedDestination implements Destination {
    private final Destination inner;
    private final Fence fence;

    FencedDestination(Destination inner, Fence fence) {
        this.inner = inner;
        this.fence = fence;
    }

    @Override
    public void open() {
        inner.open();
    }

    @Override
    public BatchLimits defaultBatchLimits() {
        return inner.defaultBatchLimits();
    }

    @Override
    public void migrate(List<TableSchema> tables, MigrateMode mode) {
        inner.migrate(tables, mode);
    }

    @Override
    public void write(TableSchema table, List<Object[]> rows) {
        fence.check();
        inner.write(table, rows);
    }

    @Override
    public long deleteStale(TableSchema table, String sourceName, Instant syncTime) {
        fence.check();
        return inner.deleteStale(table, sourceName, syncTime);
    }

    @Override
    public Optional<StateStore> stateStore(String tableName) {
        return inner.stateStore(tableName);
    }

    @Override
    public List<Object[]> readAll(TableSchema table) {
        return inner.readAll(table);
    }

    @Override
    public void close() {
        inner.close();
    }
}
