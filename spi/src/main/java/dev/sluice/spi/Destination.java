package dev.sluice.spi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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

    /**
     * {@link #deleteStale(TableSchema, String, Instant)} restricted to the rows whose
     * {@code scope} columns hold the given values ({@code ... AND "col" = ? AND ...}, each value
     * compared as its column's type), for delete-stale of one partition of a table
     * ({@link Source#partitionScope}); an empty scope is the unrestricted delete. Scope columns
     * are columns of {@code table} of type bool, integer, string, uuid, date or timestamp, with
     * non-null values of that type; anything else is refused and nothing is deleted. The default
     * refuses every non-empty scope: a destination that stores rows overrides it.
     */
    default long deleteStale(TableSchema table, String sourceName, Instant syncTime, Map<String, Object> scope) {
        if (scope.isEmpty()) {
            return deleteStale(table, sourceName, syncTime);
        }
        throw new ConnectorException("this destination cannot delete the stale rows of one partition");
    }

    /**
     * The columns of {@code table} that {@code scope} names, in the scope's iteration order,
     * checked as {@link #deleteStale(TableSchema, String, Instant, Map)} asks: a column of the
     * table, of a type equality compares exactly, with a non-null value of that type.
     *
     * @throws ConnectorException naming the table, column and what is wrong
     */
    static List<Column> scopeColumns(TableSchema table, Map<String, Object> scope) {
        EnumSet<ColumnType.Kind> exact = EnumSet.of(ColumnType.Kind.BOOL, ColumnType.Kind.INT, ColumnType.Kind.STRING,
                ColumnType.Kind.UUID, ColumnType.Kind.DATE, ColumnType.Kind.TIMESTAMP);
        List<Column> columns = new ArrayList<>(scope.size());
        for (Map.Entry<String, Object> e : scope.entrySet()) {
            String where = "delete-stale of table \"" + table.name() + "\" scoped to column \"" + e.getKey() + "\": ";
            Column column = table.columns().stream().filter(c -> c.name().equals(e.getKey())).findFirst()
                    .orElseThrow(() -> new ConnectorException(where + "the table has no such column"));
            if (!exact.contains(column.type().kind())) {
                throw new ConnectorException(where + "a " + column.type().displayName() + " column cannot scope rows");
            }
            if (e.getValue() == null || !column.type().accepts(e.getValue())) {
                throw new ConnectorException(where + (e.getValue() == null ? "the value is null"
                        : column.type().whyNot(e.getValue())));
            }
            columns.add(column);
        }
        return columns;
    }

    /**
     * Present for a destination that stores rows in immutable objects (files): the engine then
     * writes through it instead of {@link #write}, never asks it to delete stale rows, and
     * accepts it only with {@code write_mode: append}. Empty for a destination of tables.
     */
    default Optional<ObjectWriter> objects() {
        return Optional.empty();
    }

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
