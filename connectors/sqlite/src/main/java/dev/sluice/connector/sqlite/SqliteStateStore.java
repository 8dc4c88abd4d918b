package dev.sluice.connector.sqlite;

import dev.sluice.spi.StateEntry;
import dev.sluice.spi.StateStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * CloudQuery's state table {@code (key TEXT PRIMARY KEY, value TEXT, version NUMERIC(20,0))}.
 * Compare-and-set is one conditional statement whose affected-row count says who won, so it is
 * atomic against other processes sharing the file as well as other threads.
 */
final class SqliteStateStore implements StateStore {
    private final SqliteDb db;
    private final String table;

    private SqliteStateStore(SqliteDb db, String table) {
        this.db = db;
        this.table = table;
    }

    /** Creates the state table if it is missing. */
    static SqliteStateStore open(SqliteDb db, String table) {
        db.call("create state table \"" + table + "\"", c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("CREATE TABLE IF NOT EXISTS " + SqliteSql.quote(table)
                        + " (\"key\" TEXT PRIMARY KEY, \"value\" TEXT, \"version\" NUMERIC(20,0))");
            }
            StoredTable.require(c, table, List.of("key", "value", "version"));
            return null;
        });
        return new SqliteStateStore(db, table);
    }

    @Override
    public Optional<StateEntry> get(String key) {
        Objects.requireNonNull(key, "key");
        return db.call("read state table \"" + table + "\"", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT \"value\", \"version\" FROM "
                    + SqliteSql.quote(table) + " WHERE \"key\" = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new StateEntry(key, Objects.toString(rs.getString(1), ""), rs.getLong(2)))
                            : Optional.<StateEntry>empty();
                }
            }
        });
    }

    @Override
    public boolean compareAndSet(String key, OptionalLong expectedVersion, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        Objects.requireNonNull(value, "value");
        return db.call("write state table \"" + table + "\"", c -> expectedVersion.isEmpty()
                ? insertIfAbsent(c, key, value)
                : update(c, key, expectedVersion.getAsLong(), value));
    }

    private boolean insertIfAbsent(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + SqliteSql.quote(table)
                + " (\"key\", \"value\", \"version\") VALUES (?, ?, 1) ON CONFLICT (\"key\") DO NOTHING")) {
            ps.setString(1, key);
            ps.setString(2, value);
            return ps.executeUpdate() == 1;
        }
    }

    private boolean update(Connection c, String key, long expected, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + SqliteSql.quote(table)
                + " SET \"value\" = ?, \"version\" = ? WHERE \"key\" = ? AND \"version\" = ?")) {
            ps.setString(1, value);
            ps.setLong(2, expected + 1);
            ps.setString(3, key);
            ps.setLong(4, expected);
            return ps.executeUpdate() == 1;
        }
    }
}
