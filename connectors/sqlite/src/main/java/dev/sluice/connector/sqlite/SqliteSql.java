package dev.sluice.connector.sqlite;

import dev.sluice.spi.Column;
import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.TableSchema;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL text the destination runs. Every identifier is quoted ({@link #quote}); values are
 * always bound parameters, never spliced in.
 */
final class SqliteSql {
    static final String SYNC_TIME = "_cq_sync_time";
    static final String SOURCE_NAME = "_cq_source_name";

    private SqliteSql() {
    }

    /** {@code name} as a quoted identifier: double quotes around it, inner double quotes doubled. */
    static String quote(String name) {
        if (name.indexOf('\0') >= 0) {
            throw new ConnectorException("sqlite: an identifier cannot contain a NUL character");
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** How SQLite compares identifiers: ASCII letters ignore case, nothing else does. */
    static String fold(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            b.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return b.toString();
    }

    static List<String> fold(List<String> names) {
        return names.stream().map(SqliteSql::fold).toList();
    }

    /** Effective nullability: a primary-key column is NOT NULL even if its column does not say so. */
    static boolean notNull(TableSchema table, Column c) {
        return c.notNull() || table.primaryKey().contains(c.name());
    }

    static String createTable(TableSchema t) {
        StringBuilder b = new StringBuilder("CREATE TABLE ").append(quote(t.name())).append(" (");
        b.append(t.columns().stream().map(c -> columnDefinition(c, notNull(t, c))).collect(Collectors.joining(", ")));
        if (!t.primaryKey().isEmpty()) {
            b.append(", PRIMARY KEY (").append(list(t.primaryKey())).append(')');
        }
        return b.append(')').toString();
    }

    static String addColumn(String table, Column c) {
        return "ALTER TABLE " + quote(table) + " ADD COLUMN " + columnDefinition(c, false);
    }

    static String dropTable(String table) {
        return "DROP TABLE IF EXISTS " + quote(table);
    }

    /** The unique index's name; the migrator finds the stored unique key by it. */
    static String uniqueIndexName(String table) {
        return table + "__sluice_unique";
    }

    static String createUniqueIndex(TableSchema t) {
        return "CREATE UNIQUE INDEX IF NOT EXISTS " + quote(uniqueIndexName(t.name())) + " ON " + quote(t.name())
                + " (" + list(t.uniqueKey()) + ")";
    }

    static String dropUniqueIndex(String table) {
        return "DROP INDEX IF EXISTS " + quote(uniqueIndexName(table));
    }

    /** The index deleteStale uses. */
    static String createSourceTimeIndex(String table) {
        return "CREATE INDEX IF NOT EXISTS " + quote(table + "__sluice_source_sync_time") + " ON " + quote(table)
                + " (" + list(List.of(SOURCE_NAME, SYNC_TIME)) + ")";
    }

    /**
     * The statement a write runs per row: an upsert on the primary key (every other column
     * takes the new value, and {@code leftBehind} columns, which the schema no longer has, NULL),
     * an insert that skips unique-key conflicts, or a plain insert.
     */
    static String insert(TableSchema t, List<String> leftBehind) {
        String head = "INSERT INTO " + quote(t.name()) + " (" + list(t.columns().stream().map(Column::name).toList())
                + ") VALUES (" + String.join(", ", Collections.nCopies(t.columns().size(), "?")) + ")";
        if (!t.primaryKey().isEmpty()) {
            List<String> rest = t.columns().stream().map(Column::name).filter(n -> !t.primaryKey().contains(n)).toList();
            List<String> sets = new java.util.ArrayList<>();
            rest.forEach(n -> sets.add(quote(n) + " = excluded." + quote(n)));
            leftBehind.forEach(n -> sets.add(quote(n) + " = NULL"));
            String action = sets.isEmpty() ? "DO NOTHING" : "DO UPDATE SET " + String.join(", ", sets);
            return head + " ON CONFLICT (" + list(t.primaryKey()) + ") " + action;
        }
        if (!t.uniqueKey().isEmpty()) {
            return head + " ON CONFLICT (" + list(t.uniqueKey()) + ") DO NOTHING";
        }
        return head;
    }

    static String selectAll(TableSchema t) {
        return "SELECT " + list(t.columns().stream().map(Column::name).toList()) + " FROM " + quote(t.name());
    }

    /** Delete-stale, restricted to rows whose {@code scope} columns equal the parameters after the first two. */
    static String deleteStale(String table, List<String> scope) {
        return "DELETE FROM " + quote(table) + " WHERE " + quote(SOURCE_NAME) + " = ? AND " + quote(SYNC_TIME) + " < ?"
                + scope.stream().map(c -> " AND " + quote(c) + " = ?").collect(Collectors.joining());
    }

    private static String columnDefinition(Column c, boolean notNull) {
        return quote(c.name()) + " " + SqliteTypes.declared(c.type()) + (notNull ? " NOT NULL" : "");
    }

    private static String list(List<String> names) {
        return names.stream().map(SqliteSql::quote).collect(Collectors.joining(", "));
    }
}
