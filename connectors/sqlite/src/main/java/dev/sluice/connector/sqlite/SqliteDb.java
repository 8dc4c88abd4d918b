package dev.sluice.connector.sqlite;

import dev.sluice.spi.ConnectorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.sqlite.SQLiteConfig;

/**
 * The destination's one connection. Every use holds this object's lock, so statements and
 * transactions from several threads run one after another. WAL journal, synchronous=NORMAL
 * and a busy timeout.
 */
final class SqliteDb implements AutoCloseable {
    /** Work on the connection. */
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final SqliteConfig config;
    private final Duration busyTimeout;
    private Connection connection;

    SqliteDb(SqliteConfig config, Duration busyTimeout) {
        this.config = config;
        this.busyTimeout = busyTimeout;
    }

    synchronized void open() {
        if (connection != null) {
            return;
        }
        createParentDirectory();
        SQLiteConfig settings = new SQLiteConfig();
        settings.setJournalMode(SQLiteConfig.JournalMode.WAL);
        settings.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        settings.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
        try {
            connection = settings.createConnection(config.jdbcUrl());
        } catch (SQLException e) {
            throw SqliteErrors.of("cannot open " + describe(), e);
        }
    }

    /** Runs {@code work} with auto-commit: each statement is its own transaction. */
    synchronized <T> T call(String what, Work<T> work) {
        try {
            return work.run(requireOpen());
        } catch (SQLException e) {
            throw SqliteErrors.of(what, e);
        }
    }

    /**
     * Runs {@code work} in one transaction, begun with BEGIN IMMEDIATE (the write lock is taken
     * up front, so a busy database fails here, before any work): committed if it returns,
     * rolled back if it throws.
     */
    synchronized <T> T transaction(String what, Work<T> work) {
        Connection c = requireOpen();
        execute(c, what, "BEGIN IMMEDIATE");
        T result;
        try {
            result = work.run(c);
        } catch (SQLException e) {
            throw rollback(c, SqliteErrors.of(what, e));
        } catch (RuntimeException e) {
            throw rollback(c, e);
        } catch (Error e) {
            throw rollback(c, e);
        }
        execute(c, what, "COMMIT");
        return result;
    }

    @Override
    public synchronized void close() {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            throw SqliteErrors.of("cannot close " + describe(), e);
        } finally {
            connection = null;
        }
    }

    private Connection requireOpen() {
        if (connection == null) {
            throw new ConnectorException("sqlite: the destination is not open");
        }
        return connection;
    }

    private void createParentDirectory() {
        if (config.file().isEmpty()) {
            return;
        }
        Path parent = config.file().get().toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new ConnectorException("sqlite: cannot create the directory " + parent + ": " + e, e);
        }
    }

    private String describe() {
        return config.file().map(p -> "database file " + p).orElse("in-memory database");
    }

    private static <E extends Throwable> E rollback(Connection c, E failure) {
        try (Statement s = c.createStatement()) {
            s.execute("ROLLBACK");
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
        return failure;
    }

    private static void execute(Connection c, String what, String sql) {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw SqliteErrors.of(what, e);
        }
    }
}
