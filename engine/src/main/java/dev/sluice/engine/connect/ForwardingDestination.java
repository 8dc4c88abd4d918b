package dev.sluice.engine.connect;

import dev.sluice.spi.BatchLimits;
import dev.sluice.spi.Destination;
import dev.sluice.spi.MigrateMode;
import dev.sluice.spi.ObjectWriter;
import dev.sluice.spi.StateStore;
import dev.sluice.spi.TableSchema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A destination that passes every call to another; a subclass overrides the calls it guards or observes. */
public abstract class ForwardingDestination implements Destination {
    private final Destination inner;

    protected ForwardingDestination(Destination inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
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
        inner.write(table, rows);
    }

    @Override
    public long deleteStale(TableSchema table, String sourceName, Instant syncTime) {
        return inner.deleteStale(table, sourceName, syncTime);
    }

    @Override
    public long deleteStale(TableSchema table, String sourceName, Instant syncTime, Map<String, Object> scope) {
        return inner.deleteStale(table, sourceName, syncTime, scope);
    }

    @Override
    public Optional<ObjectWriter> objects() {
        return inner.objects();
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
