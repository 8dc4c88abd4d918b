package dev.sluice.engine.fetch;

import dev.sluice.engine.schema.InternalColumns;
import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns a source's rows into destination rows: the internal columns first (sync time, source
 * name, {@code _cq_id}, parent id), then the source's values, after checking each value
 * against its column's type. One factory per table of a run.
 */
final class RowFactory {
    private final Table table;
    private final Instant syncTime;
    private final String sourceName;
    private final List<String> sortedPk;
    private final int[] sortedPkIndexes;

    RowFactory(Table table, Instant syncTime, String sourceName, boolean deterministicCqId) {
        this.table = table;
        this.syncTime = syncTime;
        this.sourceName = sourceName;
        this.sortedPk = idColumns(table, deterministicCqId);
        this.sortedPkIndexes = sortedPk.stream().mapToInt(table::columnIndex).toArray();
    }

    /**
     * The columns {@code _cq_id} is derived from, sorted; empty for an id from the row's position.
     * With {@code deterministic_cq_id}, the primary key (CloudQuery's rule). An incremental table
     * always derives it from its row identity, the primary key or, without one, every column:
     * the same row fetched again in a later sync (after a crash between flush and cursor commit)
     * then has the same id, and ({@code _cq_id}, cursor) recognises the row version in append mode.
     */
    static List<String> idColumns(Table table, boolean deterministicCqId) {
        List<String> pk = table.primaryKey();
        if (table.incremental()) {
            List<String> identity = pk.isEmpty() ? table.columns().stream().map(c -> c.name()).toList() : pk;
            return identity.stream().sorted().toList();
        }
        return deterministicCqId ? pk.stream().sorted().toList() : List.of();
    }

    /**
     * @param pageKey   identity of the page the rows came from (for position-based ids)
     * @param parentIds {@code _cq_id} of each row's parent, or null for a top-level table
     */
    Rows build(List<Object[]> sourceRows, byte[] pageKey, List<UUID> parentIds) {
        List<Object[]> out = new ArrayList<>(sourceRows.size());
        List<UUID> ids = new ArrayList<>(sourceRows.size());
        long bytes = 0;
        int width = table.columns().size();
        for (int r = 0; r < sourceRows.size(); r++) {
            Object[] source = sourceRows.get(r);
            if (source.length != width) {
                throw new ConnectorException("table " + table.name() + ": the source gave a row of " + source.length
                        + " values for " + width + " columns");
            }
            Object[] row = new Object[InternalColumns.COUNT + width];
            bytes += check(source);
            UUID id = sortedPk.isEmpty() ? CqIds.fromPosition(pageKey, r) : CqIds.fromPrimaryKey(sortedPk, pick(source));
            row[InternalColumns.SYNC_TIME_INDEX] = syncTime;
            row[InternalColumns.SOURCE_NAME_INDEX] = sourceName;
            row[InternalColumns.ID_INDEX] = id;
            row[InternalColumns.PARENT_ID_INDEX] = parentIds == null ? null : parentIds.get(r);
            System.arraycopy(source, 0, row, InternalColumns.COUNT, width);
            out.add(row);
            ids.add(id);
        }
        return new Rows(out, ids, bytes + 64L * sourceRows.size(), pageKey);
    }

    private Object[] pick(Object[] source) {
        Object[] values = new Object[sortedPkIndexes.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = source[sortedPkIndexes[i]];
        }
        return values;
    }

    /** Checks each value's type and returns the row's estimated size in bytes. */
    private long check(Object[] source) {
        long bytes = 0;
        List<Column> columns = table.columns();
        for (int i = 0; i < source.length; i++) {
            Object v = source[i];
            Column c = columns.get(i);
            if (v == null) {
                if (c.notNull()) {
                    throw new ConnectorException("table " + table.name() + ", column " + c.name() + ": the source gave null for a not-null column");
                }
                continue;
            }
            if (!c.type().accepts(v)) {
                throw new ConnectorException("table " + table.name() + ", column " + c.name() + ": "
                        + (c.type().javaType().isInstance(v) ? "the source gave " + c.type().whyNot(v)
                        : "the source gave " + kind(v) + " where " + c.type().displayName() + " was declared"));
            }
            bytes += RowSize.of(v);
        }
        return bytes;
    }

    /** What a value is, in Sluice's type names rather than Java's. */
    static String kind(Object v) {
        return ColumnType.describe(v);
    }

    /** A page's rows, their ids, their estimated bytes, and the page's identity. */
    record Rows(List<Object[]> rows, List<UUID> ids, long bytes, byte[] pageKey) {
    }
}
