package dev.sluice.spi;

import java.util.List;
import java.util.Objects;

/**
 * A table as a destination stores it: the source's columns plus the engine's internal
 * columns ({@code _cq_sync_time}, {@code _cq_source_name}, {@code _cq_id}, {@code _cq_parent_id}).
 * The engine decides the keys from the write mode and pk_mode; a destination applies them.
 *
 * @param name       table name (untrusted: always quote it)
 * @param columns    columns in row order
 * @param primaryKey if not empty, writes upsert: a row replaces the stored row with the same key
 * @param uniqueKey  a unique index; when {@code primaryKey} is empty, a row whose unique key is
 *                   already stored is skipped (so a replayed batch adds nothing)
 */
public record TableSchema(String name, List<Column> columns, List<String> primaryKey, List<String> uniqueKey) {
    public TableSchema {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        uniqueKey = List.copyOf(uniqueKey);
        for (String k : primaryKey) {
            requireColumn(columns, name, k);
        }
        for (String k : uniqueKey) {
            requireColumn(columns, name, k);
        }
    }

    private static void requireColumn(List<Column> columns, String table, String name) {
        if (columns.stream().noneMatch(c -> c.name().equals(name))) {
            throw new IllegalArgumentException("table " + table + ": key column " + name + " is not a column");
        }
    }

    public int columnIndex(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        return -1;
    }
}
