package dev.sluice.connector.postgresql.destination;

import dev.sluice.connector.postgresql.PgTypes;
import dev.sluice.connector.postgresql.PgNames;
import static dev.sluice.connector.postgresql.PgNames.quote;
import static dev.sluice.connector.postgresql.PgNames.quoteAll;

import dev.sluice.spi.Column;
import dev.sluice.spi.TableSchema;
import java.util.List;
import java.util.stream.Collectors;

/** The SQL text the destination runs; every name quoted ({@link PgNames}). */
final class PgSql {
    static final String SOURCE_NAME = "_cq_source_name";
    static final String SYNC_TIME = "_cq_sync_time";

    private PgSql() {
    }

    static boolean notNull(TableSchema table, Column c) {
        return c.notNull() || table.primaryKey().contains(c.name());
    }

    static String columnDefinition(TableSchema table, Column c) {
        return quote(c.name()) + " " + PgTypes.declared(c.type()) + (notNull(table, c) ? " NOT NULL" : "");
    }

    /** CloudQuery names the key constraint {@code <table>_cqpk}. */
    static String createTable(TableSchema t) {
        StringBuilder b = new StringBuilder("CREATE TABLE ").append(quote(t.name())).append(" (");
        b.append(t.columns().stream().map(c -> columnDefinition(t, c)).collect(Collectors.joining(", ")));
        if (!t.primaryKey().isEmpty()) {
            b.append(", CONSTRAINT ").append(quote(PgNames.derived(PgNames.stored(t.name()), "_cqpk")))
                    .append(" PRIMARY KEY (").append(quoteAll(t.primaryKey())).append(')');
        }
        return b.append(')').toString();
    }

    static String dropTable(String table) {
        return "DROP TABLE IF EXISTS " + quote(table);
    }

    static String addColumn(TableSchema t, Column c) {
        return "ALTER TABLE " + quote(t.name()) + " ADD COLUMN " + columnDefinition(t, c);
    }

    static String uniqueIndexName(String table) {
        return PgNames.derived(PgNames.stored(table), "_sluice_uq");
    }

    static String createUniqueIndex(TableSchema t) {
        return "CREATE UNIQUE INDEX IF NOT EXISTS " + quote(uniqueIndexName(t.name())) + " ON " + quote(t.name())
                + " (" + quoteAll(t.uniqueKey()) + ")";
    }

    static String dropUniqueIndex(String table) {
        return "DROP INDEX IF EXISTS " + quote(uniqueIndexName(table));
    }

    /** CloudQuery's performance index, for delete-stale. */
    static String createSourceTimeIndex(String table) {
        return "CREATE INDEX IF NOT EXISTS " + quote(PgNames.derived(PgNames.stored(table), "_cqpi")) + " ON "
                + quote(table) + " (" + quote(SOURCE_NAME) + ", " + quote(SYNC_TIME) + ")";
    }

    static String copyIn(String target, List<Column> columns) {
        return "COPY " + quote(target) + " (" + names(columns) + ") FROM STDIN (FORMAT binary)";
    }

    /** A temporary table shaped like {@code t}'s columns, emptied at every commit. */
    static String createStaging(String staging, TableSchema t) {
        return "CREATE TEMPORARY TABLE IF NOT EXISTS " + quote(staging) + " ("
                + t.columns().stream().map(c -> quote(c.name()) + " " + PgTypes.declared(c.type()))
                        .collect(Collectors.joining(", "))
                + ") ON COMMIT DELETE ROWS";
    }

    /**
     * Rows of {@code staging} (one per key) replace or join those of {@code t}; a replaced row's
     * {@code leftBehind} columns (stored, but no longer in the schema) become NULL.
     */
    static String upsertFrom(String staging, TableSchema t, List<String> leftBehind) {
        String insert = "INSERT INTO " + quote(t.name()) + " (" + names(t.columns()) + ") SELECT " + names(t.columns())
                + " FROM " + quote(staging) + " ON CONFLICT (" + quoteAll(t.primaryKey()) + ")";
        List<String> sets = new java.util.ArrayList<>();
        t.columns().stream().filter(c -> !t.primaryKey().contains(c.name()))
                .forEach(c -> sets.add(quote(c.name()) + " = EXCLUDED." + quote(c.name())));
        leftBehind.forEach(name -> sets.add(quote(name) + " = NULL"));
        return sets.isEmpty() ? insert + " DO NOTHING" : insert + " DO UPDATE SET " + String.join(", ", sets);
    }

    /** Rows of {@code staging} whose unique key is not stored yet (nor earlier in the batch) join {@code t}. */
    static String insertNewFrom(String staging, TableSchema t) {
        return "INSERT INTO " + quote(t.name()) + " (" + names(t.columns()) + ") SELECT " + names(t.columns())
                + " FROM " + quote(staging) + " ON CONFLICT (" + quoteAll(t.uniqueKey()) + ") DO NOTHING";
    }

    /**
     * The sync time is bound as the stored column's own type, {@code timestamp with time zone}
     * or (tables created before Sluice declared instants with a zone) {@code timestamp without
     * time zone} holding UTC: the comparison converts nothing, so no session time zone enters it.
     * Restricted to rows whose {@code scope} columns equal the parameters after the first two,
     * each cast to that column's stored type.
     */
    static String deleteStale(String table, String syncTimeType, List<String> scope, List<String> scopeTypes) {
        StringBuilder sql = new StringBuilder("DELETE FROM " + quote(table) + " WHERE " + quote(SOURCE_NAME) + " = ? AND "
                + quote(SYNC_TIME) + " < CAST(? AS " + syncTimeType + ")");
        for (int i = 0; i < scope.size(); i++) {
            sql.append(" AND ").append(quote(scope.get(i))).append(" = CAST(? AS ").append(scopeTypes.get(i)).append(')');
        }
        return sql.toString();
    }

    static String selectAll(TableSchema t) {
        return "SELECT " + names(t.columns()) + " FROM " + quote(t.name());
    }

    private static String names(List<Column> columns) {
        return quoteAll(columns.stream().map(Column::name).toList());
    }
}
