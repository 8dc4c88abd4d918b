package dev.sluice.connector.sqlite;

import dev.sluice.connector.sqlite.StoredTable.StoredColumn;
import dev.sluice.spi.BreakingChangeException;
import dev.sluice.spi.Column;
import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.TableSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What migrating a stored table to a wanted schema takes, decided before anything changes.
 * Names compare as SQLite compares them ({@link SqliteSql#fold}); types compare by declared
 * type ({@link SqliteTypes#holds}): int32 → int64 (both INTEGER) is no change, uuid → string
 * (UUID_TEXT → TEXT) is one; a TEXT column also takes the types Sluice declared TEXT before
 * (uuid, json, uint64, lists of utf8 or int64), so string → uuid is none there.
 *
 * <p>Not breaking: new nullable columns, stored nullable columns the schema no longer lists
 * (left alone), a unique key the schema dropped (its index is dropped). Breaking: a changed
 * primary key, declared type or nullability, a new NOT NULL column, a stored NOT NULL column
 * the schema no longer lists (inserts would fail), a changed unique key.
 */
record SqliteSchemaDiff(Optional<BreakingChangeException> breaking, List<Column> added, boolean dropUniqueKey) {

    static SqliteSchemaDiff of(StoredTable stored, TableSchema wanted) {
        requireDistinctColumns(wanted);
        String table = wanted.name();
        if (!SqliteSql.fold(stored.primaryKey()).equals(SqliteSql.fold(wanted.primaryKey()))) {
            return breaking(table, firstDifference(stored.primaryKey(), wanted.primaryKey()),
                    "primary key changed from " + keyText(stored.primaryKey()) + " to " + keyText(wanted.primaryKey()));
        }
        List<Column> added = new ArrayList<>();
        for (Column c : wanted.columns()) {
            boolean notNull = SqliteSql.notNull(wanted, c);
            Optional<StoredColumn> old = stored.column(c.name());
            String type = SqliteTypes.declared(c.type());
            if (old.isEmpty()) {
                if (notNull) {
                    return breaking(table, c.name(), "adding a NOT NULL column");
                }
                added.add(c);
            } else if (!SqliteTypes.holds(old.get().declaredType(), c.type())) {
                return breaking(table, c.name(), "type changed from " + old.get().declaredType() + " to " + type
                        + " (" + c.type().displayName() + ")");
            } else if (old.get().notNull() != notNull) {
                return breaking(table, c.name(), "nullability changed from " + nullability(old.get().notNull())
                        + " to " + nullability(notNull));
            }
        }
        Set<String> wantedNames = new HashSet<>(SqliteSql.fold(wanted.columns().stream().map(Column::name).toList()));
        for (StoredColumn old : stored.columns()) {
            if (old.notNull() && !wantedNames.contains(SqliteSql.fold(old.name()))) {
                return breaking(table, old.name(), "a NOT NULL column is missing from the new schema");
            }
        }
        boolean dropUnique = false;
        if (!SqliteSql.fold(stored.uniqueKey()).equals(SqliteSql.fold(wanted.uniqueKey()))) {
            if (!wanted.uniqueKey().isEmpty()) {
                return breaking(table, firstDifference(stored.uniqueKey(), wanted.uniqueKey()),
                        "unique key changed from " + keyText(stored.uniqueKey()) + " to " + keyText(wanted.uniqueKey()));
            }
            dropUnique = true;
        }
        return new SqliteSchemaDiff(Optional.empty(), added, dropUnique);
    }

    /** SQLite cannot hold two columns whose names differ only in ASCII case. */
    static void requireDistinctColumns(TableSchema schema) {
        Set<String> seen = new HashSet<>();
        for (Column c : schema.columns()) {
            if (!seen.add(SqliteSql.fold(c.name()))) {
                throw new ConnectorException("sqlite: table \"" + schema.name() + "\": column \"" + c.name()
                        + "\" appears twice (SQLite ignores the case of ASCII letters in names)");
            }
        }
    }

    private static SqliteSchemaDiff breaking(String table, String column, String change) {
        return new SqliteSchemaDiff(Optional.of(new BreakingChangeException(table, column, change)), List.of(), false);
    }

    private static String firstDifference(List<String> a, List<String> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? SqliteSql.fold(a.get(i)) : null;
            String y = i < b.size() ? SqliteSql.fold(b.get(i)) : null;
            if (!Objects.equals(x, y)) {
                return y != null ? b.get(i) : a.get(i);
            }
        }
        throw new IllegalArgumentException("keys are equal");
    }

    private static String keyText(List<String> key) {
        return "(" + String.join(", ", key) + ")";
    }

    private static String nullability(boolean notNull) {
        return notNull ? "NOT NULL" : "nullable";
    }
}
