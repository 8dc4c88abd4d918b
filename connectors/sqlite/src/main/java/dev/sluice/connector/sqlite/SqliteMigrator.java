package dev.sluice.connector.sqlite;

import dev.sluice.spi.Column;
import dev.sluice.spi.MigrateMode;
import dev.sluice.spi.TableSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Brings tables to their schemas inside the caller's transaction (SQLite's DDL is
 * transactional, so a migration is all or none). Every table is compared first; in SAFE mode
 * a breaking change throws before any DDL runs.
 */
final class SqliteMigrator {
    private final Connection connection;

    SqliteMigrator(Connection connection) {
        this.connection = connection;
    }

    void migrate(List<TableSchema> tables, MigrateMode mode) throws SQLException {
        Map<TableSchema, Optional<SqliteSchemaDiff>> plans = new LinkedHashMap<>();
        for (TableSchema t : tables) {
            SqliteSchemaDiff.requireDistinctColumns(t);
            Optional<SqliteSchemaDiff> diff = StoredTable.read(connection, t.name()).map(s -> SqliteSchemaDiff.of(s, t));
            if (mode == MigrateMode.SAFE && diff.flatMap(SqliteSchemaDiff::breaking).isPresent()) {
                throw diff.get().breaking().get();
            }
            plans.put(t, diff);
        }
        for (Map.Entry<TableSchema, Optional<SqliteSchemaDiff>> e : plans.entrySet()) {
            apply(e.getKey(), e.getValue());
        }
    }

    private void apply(TableSchema t, Optional<SqliteSchemaDiff> diff) throws SQLException {
        if (diff.isEmpty() || diff.get().breaking().isPresent()) {
            if (diff.isPresent()) {
                execute(SqliteSql.dropTable(t.name()));
            }
            execute(SqliteSql.createTable(t));
        } else {
            for (Column c : diff.get().added()) {
                execute(SqliteSql.addColumn(t.name(), c));
            }
            if (diff.get().dropUniqueKey()) {
                execute(SqliteSql.dropUniqueIndex(t.name()));
            }
        }
        if (!t.uniqueKey().isEmpty()) {
            execute(SqliteSql.createUniqueIndex(t));
        }
        if (hasSourceAndSyncTime(t)) {
            execute(SqliteSql.createSourceTimeIndex(t.name()));
        }
    }

    private boolean hasSourceAndSyncTime(TableSchema t) throws SQLException {
        StoredTable stored = StoredTable.read(connection, t.name()).orElseThrow();
        return stored.column(SqliteSql.SOURCE_NAME).isPresent() && stored.column(SqliteSql.SYNC_TIME).isPresent();
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
