package dev.sluice.connector.postgresql;

import dev.sluice.spi.ConnectorException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A few connections shared by the destination's callers, one per concurrent caller (at most
 * {@link #MAX}; more callers wait). Every call is one transaction: committed when the work
 * returns, rolled back when it throws. A connection that failed with a transient error (lost,
 * server restarting) is closed, and so is every idle one, since a restart breaks them all; the
 * next call opens fresh connections, so the engine's retry finds a working one. Every new
 * connection gets the pool's {@link PgTimeouts} and the time zone UTC; a transaction waiting
 * for a lock is noticed, logged and, if the lock timeout ends it, reported with the holder
 * ({@link PgLockWatch}).
 */
public final class PgPool implements AutoCloseable {
    public static final int MAX = 8;

    /** Work in a transaction on one connection. */
    public interface Work<T> {
        T run(PgSession session) throws SQLException;
    }

    private final PgConnectionString connection;
    private final PgTimeouts timeouts;
    private final PgLockWatch locks;
    private final Semaphore permits = new Semaphore(MAX, true);
    private final Deque<PgSession> idle = new ArrayDeque<>();
    private boolean closed;

    /** Sessions with the server's own timeouts. */
    public PgPool(PgConnectionString connection) {
        this(connection, PgTimeouts.serverDefaults());
    }

    public PgPool(PgConnectionString connection, PgTimeouts timeouts) {
        this.connection = connection;
        this.timeouts = timeouts;
        this.locks = new PgLockWatch(connection, timeouts);
    }

    public <T> T transaction(String what, Work<T> work) {
        acquirePermit(what);
        PgSession session = null;
        PgLockWatch.Watch watch = null;
        boolean healthy = false;
        try {
            session = take(what);
            watch = locks.start(what, session.backendPid());
            T result = work.run(session);
            session.commit();
            healthy = true;
            return result;
        } catch (SQLException e) {
            if (watch != null) {
                watch.close();
            }
            boolean lost = PgErrors.isTransient(e);
            healthy = !lost && rollback(session, e);
            if (lost) {
                closeIdle();
            }
            String note = watch == null ? "" : PgErrors.isLockTimeout(e) ? watch.lockTimeoutNote()
                    : PgErrors.isStatementTimeout(e) ? watch.statementTimeoutNote() : "";
            throw PgErrors.translate("postgresql: " + what, e, connection, note);
        } catch (RuntimeException | Error e) {
            healthy = rollback(session, e);
            throw e;
        } finally {
            if (watch != null) {
                watch.close();
            }
            if (session != null) {
                give(session, healthy);
            }
            permits.release();
        }
    }

    /** Opens one connection now, so a wrong host or password fails at open, not at the first write. */
    public void check() {
        transaction("connect", s -> null);
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            idle.forEach(PgSession::closeQuietly);
            idle.clear();
        }
        locks.close();
    }

    private static boolean rollback(PgSession session, Throwable failure) {
        if (session == null) {
            return false;
        }
        try {
            session.rollback();
            return true;
        } catch (SQLException e) {
            failure.addSuppressed(e);
            return false;
        }
    }

    private PgSession take(String what) throws SQLException {
        synchronized (this) {
            if (closed) {
                throw new ConnectorException("postgresql: " + what + ": the destination is closed");
            }
            PgSession s = idle.pollFirst();
            if (s != null) {
                return s;
            }
        }
        Connection c = open(what);
        try {
            timeouts.apply(c); // outside a transaction: a rollback does not undo them
            utc(c);
            c.setAutoCommit(false);
            return new PgSession(c);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /**
     * Sessions run in UTC: pgjdbc sets the session's TimeZone to the JVM's at startup, and what
     * converts between instants and wall clocks (an instant stored in a {@code timestamp without
     * time zone} column, the text of a {@code timestamptz}) must not depend on where Sluice runs.
     */
    private static void utc(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET TimeZone = 'UTC'");
        }
    }

    private Connection open(String what) throws SQLException {
        try {
            return connection.open();
        } catch (SQLException e) {
            throw new SQLException("cannot connect to " + connection.redacted() + ": " + e.getMessage(), e.getSQLState(), e);
        }
    }

    private void give(PgSession session, boolean healthy) {
        synchronized (this) {
            if (healthy && !closed) {
                idle.addFirst(session);
                return;
            }
        }
        session.closeQuietly();
    }

    private void closeIdle() {
        Deque<PgSession> stale;
        synchronized (this) {
            stale = new ArrayDeque<>(idle);
            idle.clear();
        }
        stale.forEach(PgSession::closeQuietly);
    }

    private void acquirePermit(String what) {
        try {
            if (!permits.tryAcquire(10, TimeUnit.MINUTES)) {
                throw new ConnectorException("postgresql: " + what + ": no connection free after 10 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException("postgresql: " + what + ": interrupted while waiting for a connection", e);
        }
    }
}
