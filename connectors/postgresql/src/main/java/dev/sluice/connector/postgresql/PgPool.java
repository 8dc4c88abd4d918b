package dev.sluice.connector.postgresql;

import dev.sluice.spi.ConnectorException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A few connections shared by the destination's callers, one per concurrent caller (at most
 * {@link #MAX}; more callers wait). Every call is one transaction: committed when the work
 * returns, rolled back when it throws. A connection that failed with a transient error (lost,
 * server restarting) is closed, and so is every idle one, since a restart breaks them all; the
 * next call opens fresh connections, so the engine's retry finds a working one.
 */
public final class PgPool implements AutoCloseable {
    public static final int MAX = 8;

    /** Work in a transaction on one connection. */
    public interface Work<T> {
        T run(PgSession session) throws SQLException;
    }

    private final PgConnectionString connection;
    private final Semaphore permits = new Semaphore(MAX, true);
    private final Deque<PgSession> idle = new ArrayDeque<>();
    private boolean closed;

    public PgPool(PgConnectionString connection) {
        this.connection = connection;
    }

    public <T> T transaction(String what, Work<T> work) {
        acquirePermit(what);
        PgSession session = null;
        boolean healthy = false;
        try {
            session = take(what);
            T result = work.run(session);
            session.commit();
            healthy = true;
            return result;
        } catch (SQLException e) {
            boolean lost = PgErrors.isTransient(e);
            healthy = !lost && rollback(session, e);
            if (lost) {
                closeIdle();
            }
            throw PgErrors.translate("postgresql: " + what, e, connection);
        } catch (RuntimeException | Error e) {
            healthy = rollback(session, e);
            throw e;
        } finally {
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
    public synchronized void close() {
        closed = true;
        idle.forEach(PgSession::closeQuietly);
        idle.clear();
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
        c.setAutoCommit(false);
        return new PgSession(c);
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
