package dev.sluice.connector.sqlite;

import dev.sluice.spi.Column;
import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.Destination;
import dev.sluice.spi.MigrateMode;
import dev.sluice.spi.StateStore;
import dev.sluice.spi.TableSchema;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A SQLite database file as a destination. One connection; calls from several threads run one
 * at a time. Each write is one transaction. Types: {@link SqliteTypes}, values: {@link SqliteValues}; migrations:
 * {@link SqliteMigrator}; errors: busy/locked are transient, the rest are not.
 */
public final class SqliteDestination implements Destination {
    static final Duration BUSY_TIMEOUT = Duration.ofSeconds(60);

    private final SqliteDb db;
    /** Insert SQL per table schema (the text depends on columns and keys). */
    private final Map<TableSchema, String> insertSql = new ConcurrentHashMap<>();

    public SqliteDestination(SqliteConfig config) {
        this(config, BUSY_TIMEOUT);
    }

    SqliteDestination(SqliteConfig config, Duration busyTimeout) {
        this.db = new SqliteDb(Objects.requireNonNull(config, "config"), busyTimeout);
    }

    /** Creates the parent directory and the file if they are missing, and connects. */
    @Override
    public void open() {
        db.open();
    }

    @Override
    public void migrate(List<TableSchema> tables, MigrateMode mode) {
        Objects.requireNonNull(mode, "mode");
        db.transaction("migrate", c -> {
            new SqliteMigrator(c).migrate(tables, mode);
            return null;
        });
        insertSql.clear(); // the stored columns may have changed
    }

    @Override
    public void write(TableSchema table, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Column> columns = table.columns();
        db.transaction("write to table \"" + table.name() + "\"", c -> {
            String sql = insertSql.get(table);
            if (sql == null) {
                List<String> leftBehind = StoredTable.read(c, table.name()).map(t -> t.leftBehindBy(table)).orElse(List.of());
                sql = SqliteSql.insert(table, leftBehind);
                insertSql.put(table, sql);
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int r = 0; r < rows.size(); r++) {
                    Object[] row = requireShape(table, rows.get(r), r);
                    for (int i = 0; i < row.length; i++) {
                        SqliteValues.bind(ps, i + 1, table.name(), columns.get(i), row[i]);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public long deleteStale(TableSchema table, String sourceName, Instant syncTime) {
        return deleteStale(table, sourceName, syncTime, Map.of());
    }

    @Override
    public long deleteStale(TableSchema table, String sourceName, Instant syncTime, Map<String, Object> scope) {
        Objects.requireNonNull(sourceName, "sourceName");
        if (!SqliteTimestamps.inRange(Objects.requireNonNull(syncTime, "syncTime"))) {
            throw new ConnectorException("sqlite: sync time " + syncTime + " is outside the years 0000 to 9999");
        }
        List<Column> scoped = Destination.scopeColumns(table, scope);
        String before = SqliteTimestamps.format(syncTime);
        return db.call("delete stale rows of table \"" + table.name() + "\"", c -> {
            List<String> needed = new ArrayList<>(List.of(SqliteSql.SOURCE_NAME, SqliteSql.SYNC_TIME));
            scoped.forEach(col -> needed.add(col.name()));
            StoredTable.require(c, table.name(), needed);
            try (PreparedStatement ps = c.prepareStatement(SqliteSql.deleteStale(table.name(),
                    scoped.stream().map(Column::name).toList()))) {
                ps.setString(1, sourceName);
                ps.setString(2, before);
                for (int i = 0; i < scoped.size(); i++) {
                    Column col = scoped.get(i);
                    SqliteValues.bind(ps, i + 3, table.name(), col, scope.get(col.name()));
                }
                return (long) ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<StateStore> stateStore(String tableName) {
        return Optional.of(SqliteStateStore.open(db, Objects.requireNonNull(tableName, "tableName")));
    }

    @Override
    public List<Object[]> readAll(TableSchema table) {
        List<Column> columns = table.columns();
        return db.call("read table \"" + table.name() + "\"", c -> {
            StoredTable.require(c, table.name(), columns.stream().map(Column::name).toList());
            List<Object[]> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SqliteSql.selectAll(table)); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] row = new Object[columns.size()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = SqliteValues.read(rs, i + 1, table.name(), columns.get(i));
                    }
                    out.add(row);
                }
            }
            return out;
        });
    }

    @Override
    public void close() {
        db.close();
    }

    /**
     * The row, checked for length and for nulls in primary-key columns (an INTEGER primary key
     * is SQLite's rowid, which would turn a null into a generated number instead of failing).
     */
    private static Object[] requireShape(TableSchema table, Object[] row, int index) {
        if (row == null || row.length != table.columns().size()) {
            throw new ConnectorException("sqlite: table \"" + table.name() + "\": row " + index + " has "
                    + (row == null ? "no" : String.valueOf(row.length)) + " values for " + table.columns().size() + " columns");
        }
        for (String key : table.primaryKey()) {
            if (row[table.columnIndex(key)] == null) {
                throw new ConnectorException("sqlite: table \"" + table.name() + "\": row " + index
                        + " has no value for primary-key column \"" + key + "\"");
            }
        }
        return row;
    }
}
