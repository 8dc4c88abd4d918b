package dev.sluice.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A destination. The engine owns batching, retries and ordering; a destination applies
 * what it is given. Calls may come from several threads (one work item per thread).
 */
public interface Destination extends AutoCloseable {

    /** Connects, creating files or schemas it needs. */
    default void open() {
    }

    /** Batch limits to use when the config sets none. */
    default BatchLimits defaultBatchLimits() {
        return BatchLimits.defaults();
    }

    /**
     * Creates missing tables and adds missing nullable columns. Anything else (a changed
     * type, key or nullability) is a breaking change: {@link MigrateMode#SAFE} throws
     * {@link BreakingChangeException} before changing any table, {@link MigrateMode#FORCED}
     * drops and recreates the table.
     */
    void migrate(List<TableSchema> tables, MigrateMode mode);

    /**
     * Writes rows (aligned with {@code table.columns()}) atomically: all or none. With a
     * primary key, rows upsert (the last of equal keys within the batch wins); without one,
     * rows whose unique key is already stored are skipped.
     */
    void write(TableSchema table, List<Object[]> rows);

    /**
     * Deletes the rows of {@code sourceName} older than {@code syncTime}
     * ({@code _cq_source_name = ? AND _cq_sync_time < ?}) and returns how many.
     */
    long deleteStale(TableSchema table, String sourceName, Instant syncTime);

    /** A state table stored in this destination, for {@code backend_options}; empty if unsupported. */
    default Optional<StateStore> stateStore(String tableName) {
        return Optional.empty();
    }

    /**
     * Every stored row of {@code table}, values decoded back to the {@link ColumnType} Java
     * types, in no particular order. For conformance tests and small checks, not for bulk reads.
     */
    default List<Object[]> readAll(TableSchema table) {
        throw new UnsupportedOperationException("this destination cannot read rows back");
    }

    @Override
    default void close() {
    }
}
