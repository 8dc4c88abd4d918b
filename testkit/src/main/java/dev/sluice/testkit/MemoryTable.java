package dev.sluice.testkit;

import dev.sluice.spi.Column;
import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.TableSchema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One stored table of {@link MemoryDestination}. Not thread-safe: the destination locks.
 * Every write validates the whole batch before it changes anything, so it is all or none.
 */
final class MemoryTable {
    private final String name;
    private final List<Column> columns = new ArrayList<>();
    private final List<String> primaryKey;
    private List<String> uniqueKey;
    /** Keyed by the primary key's values, or by an insertion counter without a primary key. */
    private final Map<Object, Map<String, Object>> rows = new LinkedHashMap<>();
    /** Unique-key values stored, for tables without a primary key. */
    private final Set<List<Object>> uniqueIndex = new HashSet<>();
    private long nextRowId;

    MemoryTable(TableSchema schema) {
        MemoryMigration.requireDistinctColumns(schema);
        this.name = schema.name();
        this.primaryKey = schema.primaryKey();
        this.uniqueKey = schema.uniqueKey();
        for (Column c : schema.columns()) {
            addColumn(c, MemoryMigration.effectiveNotNull(schema, c));
        }
    }

    List<Column> columns() {
        return List.copyOf(columns);
    }

    List<String> primaryKey() {
        return primaryKey;
    }

    List<String> uniqueKey() {
        return uniqueKey;
    }

    Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    TableSchema schema() {
        return new TableSchema(name, columns, primaryKey, uniqueKey);
    }

    void addColumn(Column c, boolean notNull) {
        columns.add(new Column(c.name(), c.type(), primaryKey.contains(c.name()), notNull));
        rows.values().forEach(r -> r.put(c.name(), null));
    }

    void dropUniqueKey() {
        uniqueKey = List.of();
        uniqueIndex.clear();
    }

    void write(TableSchema schema, List<Object[]> batch) {
        requireKeys(schema);
        List<Map<String, Object>> prepared = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            prepared.add(prepare(schema, batch.get(i), i));
        }
        if (!primaryKey.isEmpty()) {
            upsert(prepared);
        } else if (!uniqueKey.isEmpty()) {
            insertNew(prepared);
        } else {
            prepared.forEach(r -> rows.put(nextRowId++, fullRow(r)));
        }
    }

    List<Object[]> readAll(TableSchema schema) {
        for (Column c : schema.columns()) {
            requireColumn(c.name());
        }
        List<Object[]> out = new ArrayList<>(rows.size());
        for (Map<String, Object> r : rows.values()) {
            Object[] row = new Object[schema.columns().size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = MemoryValues.out(r.get(schema.columns().get(i).name()));
            }
            out.add(row);
        }
        return out;
    }

    /** Deletes the stale rows whose {@code scope} columns (checked by the caller) hold the scope's values. */
    long deleteStale(String sourceName, Instant syncTime, List<Column> scopeColumns, Map<String, Object> scope) {
        requireColumn(CqSchema.SOURCE_NAME);
        requireColumn(CqSchema.SYNC_TIME);
        Map<String, Object> wanted = new HashMap<>();
        for (Column c : scopeColumns) {
            Column stored = requireColumn(c.name());
            if (!stored.type().equals(c.type())) {
                throw new ConnectorException("table \"" + name + "\", column \"" + c.name() + "\" is stored as "
                        + stored.type().displayName() + ", not " + c.type().displayName() + " (migrate first)");
            }
            wanted.put(c.name(), MemoryValues.in(name, stored, scope.get(c.name())));
        }
        Instant before = MemoryValues.micros(syncTime);
        int size = rows.size();
        rows.values().removeIf(r -> sourceName.equals(r.get(CqSchema.SOURCE_NAME))
                && r.get(CqSchema.SYNC_TIME) instanceof Instant t && t.isBefore(before)
                && wanted.entrySet().stream().allMatch(w -> w.getValue().equals(r.get(w.getKey()))));
        int deleted = size - rows.size();
        if (deleted > 0 && primaryKey.isEmpty() && !uniqueKey.isEmpty()) {
            uniqueIndex.clear();
            rows.values().forEach(r -> MemoryValues.key(r, uniqueKey).ifPresent(uniqueIndex::add));
        }
        return deleted;
    }

    private void upsert(List<Map<String, Object>> prepared) {
        Map<List<Object>, Map<String, Object>> staged = new LinkedHashMap<>();
        for (Map<String, Object> r : prepared) {
            staged.put(MemoryValues.key(r, primaryKey).orElseThrow(), r); // the last of equal keys wins
        }
        if (!uniqueKey.isEmpty()) {
            requireUniqueAfter(staged);
        }
        // a stored column the writer's schema no longer has becomes null: its old value is not the row's any more
        staged.forEach((key, r) -> rows.put(key, fullRow(r)));
    }

    private void requireUniqueAfter(Map<List<Object>, Map<String, Object>> staged) {
        Map<List<Object>, Object> owners = new HashMap<>();
        rows.forEach((key, r) -> {
            if (!staged.containsKey(key)) {
                MemoryValues.key(r, uniqueKey).ifPresent(u -> owners.put(u, key));
            }
        });
        staged.forEach((key, r) -> MemoryValues.key(r, uniqueKey).ifPresent(u -> {
            if (owners.putIfAbsent(u, key) != null) {
                throw new ConnectorException("table \"" + name + "\": a row violates the unique key "
                        + String.join(", ", uniqueKey));
            }
        }));
    }

    private void insertNew(List<Map<String, Object>> prepared) {
        Set<List<Object>> seen = new HashSet<>();
        List<Map<String, Object>> accepted = new ArrayList<>();
        List<List<Object>> keys = new ArrayList<>();
        for (Map<String, Object> r : prepared) {
            Optional<List<Object>> key = MemoryValues.key(r, uniqueKey); // a null part never conflicts, as in SQL
            if (key.isPresent() && (uniqueIndex.contains(key.get()) || !seen.add(key.get()))) {
                continue;
            }
            accepted.add(r);
            key.ifPresent(keys::add);
        }
        accepted.forEach(r -> rows.put(nextRowId++, fullRow(r)));
        uniqueIndex.addAll(keys);
    }

    private Map<String, Object> prepare(TableSchema schema, Object[] row, int index) {
        if (row == null || row.length != schema.columns().size()) {
            throw new ConnectorException("table \"" + name + "\": row " + index + " has "
                    + (row == null ? "no" : String.valueOf(row.length)) + " values for " + schema.columns().size() + " columns");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < row.length; i++) {
            Column wanted = schema.columns().get(i);
            Column stored = requireColumn(wanted.name());
            if (stored.type() != wanted.type()) {
                throw new ConnectorException("table \"" + name + "\", column \"" + wanted.name() + "\" is stored as "
                        + stored.type().displayName() + ", not " + wanted.type().displayName() + " (migrate first)");
            }
            if (row[i] == null && stored.notNull()) {
                throw nullInNotNull(stored.name(), index);
            }
            values.put(wanted.name(), MemoryValues.in(name, stored, row[i]));
        }
        for (Column c : columns) {
            if (c.notNull() && !values.containsKey(c.name())) {
                throw nullInNotNull(c.name(), index);
            }
        }
        return values;
    }

    private ConnectorException nullInNotNull(String column, int index) {
        return new ConnectorException("table \"" + name + "\", column \"" + column + "\" is NOT NULL but row "
                + index + " has no value; nothing of the batch was written");
    }

    private void requireKeys(TableSchema schema) {
        if (!schema.primaryKey().equals(primaryKey) || !schema.uniqueKey().equals(uniqueKey)) {
            throw new ConnectorException("table \"" + name + "\": the write's keys (primary " + schema.primaryKey()
                    + ", unique " + schema.uniqueKey() + ") differ from the stored table's (primary " + primaryKey
                    + ", unique " + uniqueKey + "); migrate first");
        }
    }

    private Column requireColumn(String columnName) {
        return column(columnName).orElseThrow(() -> new ConnectorException(
                "table \"" + name + "\" has no column \"" + columnName + "\" (migrate first)"));
    }

    private Map<String, Object> fullRow(Map<String, Object> values) {
        Map<String, Object> row = new HashMap<>();
        columns.forEach(c -> row.put(c.name(), null));
        row.putAll(values);
        return row;
    }
}
