package dev.sluice.connector.postgresql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.postgresql.PGConnection;

/**
 * One pooled connection (auto-commit off) and the DDL Sluice ran on it that lives as long as it
 * does (temporary staging tables). DDL run in a transaction that rolls back is forgotten, so it
 * runs again next time.
 */
public final class PgSession {
    private final Connection connection;
    private final int backendPid;
    private final Set<String> done = new HashSet<>();
    private final Set<String> pending = new HashSet<>();

    PgSession(Connection connection) throws SQLException {
        this.connection = connection;
        this.backendPid = connection.unwrap(PGConnection.class).getBackendPID();
    }

    /** The server process serving this session ({@code pg_backend_pid()}). */
    public int backendPid() {
        return backendPid;
    }

    public Connection connection() {
        return connection;
    }

    /** Runs {@code sql} once per connection, {@code key} naming what it creates. */
    public void once(String key, String sql) throws SQLException {
        if (done.contains(key) || pending.contains(key)) {
            return;
        }
        execute(sql);
        pending.add(key);
    }

    public void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    void commit() throws SQLException {
        connection.commit();
        done.addAll(pending);
        pending.clear();
    }

    void rollback() throws SQLException {
        pending.clear();
        connection.rollback();
    }

    void closeQuietly() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the connection is being discarded
        }
    }
}
