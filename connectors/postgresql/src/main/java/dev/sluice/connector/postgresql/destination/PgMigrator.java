package dev.sluice.connector.postgresql.destination;

import dev.sluice.connector.postgresql.PgSession;
import dev.sluice.connector.postgresql.PgNames;
import dev.sluice.spi.Column;
import dev.sluice.spi.MigrateMode;
import dev.sluice.spi.TableSchema;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Brings tables to their schemas in the caller's transaction (PostgreSQL's DDL is
 * transactional, so a migration is all or none). Every table is compared first; in SAFE mode a
 * breaking change throws before any DDL runs. An advisory lock serialises migrations of
 * several Sluice processes sharing the database.
 */
final class PgMigrator {
    /** Key of the transaction-scoped advisory lock migrations take. */
    private static final long LOCK_KEY = 0x5111CE_0001L;

    private final PgSession session;
    private final boolean performanceIndexes;

    PgMigrator(PgSession session, boolean performanceIndexes) {
        this.session = session;
        this.performanceIndexes = performanceIndexes;
    }

    void migrate(List<TableSchema> tables, MigrateMode mode) throws SQLException {
        PgNames.requireDistinctStored("table", "", tables.stream().map(TableSchema::name).toList());
        session.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
        Map<TableSchema, Optional<PgSchemaDiff>> plans = new LinkedHashMap<>();
        for (TableSchema t : tables) {
            PgNames.requireDistinctStored("column", "table \"" + t.name() + "\": ",
                    t.columns().stream().map(Column::name).toList());
            Optional<PgSchemaDiff> diff = StoredPgTable.read(session.connection(), t.name()).map(s -> PgSchemaDiff.of(s, t));
            if (mode == MigrateMode.SAFE && diff.flatMap(PgSchemaDiff::breaking).isPresent()) {
                throw diff.get().breaking().get();
            }
            plans.put(t, diff);
        }
        for (Map.Entry<TableSchema, Optional<PgSchemaDiff>> e : plans.entrySet()) {
            apply(e.getKey(), e.getValue());
        }
    }

    private void apply(TableSchema t, Optional<PgSchemaDiff> diff) throws SQLException {
        if (diff.isEmpty() || diff.get().breaking().isPresent()) {
            if (diff.isPresent()) {
                session.execute(PgSql.dropTable(t.name()));
            }
            session.execute(PgSql.createTable(t));
        } else {
            for (Column c : diff.get().added()) {
                session.execute(PgSql.addColumn(t, c));
            }
            if (diff.get().dropUniqueKey()) {
                session.execute(PgSql.dropUniqueIndex(t.name()));
            }
        }
        if (!t.uniqueKey().isEmpty()) {
            session.execute(PgSql.createUniqueIndex(t));
        }
        if (performanceIndexes && t.columnIndex(PgSql.SOURCE_NAME) >= 0 && t.columnIndex(PgSql.SYNC_TIME) >= 0) {
            session.execute(PgSql.createSourceTimeIndex(t.name()));
        }
    }
}
