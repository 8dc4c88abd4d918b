package dev.sluice.connector.postgresql;

import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.TransientException;
import java.sql.SQLException;
import java.util.Set;

/**
 * Turns a {@link SQLException} into the engine's terms: transient (connection lost, server
 * restarting, serialization failure, deadlock, too many connections) so the engine retries
 * it with backoff, or a plain {@link ConnectorException} carrying the server's message. The
 * connection string's password never reaches a message. A lock timeout (55P03) is not
 * transient: the session waited the whole {@code lock_timeout} for a lock someone else holds,
 * and retrying would wait as long again while the holder keeps it; the table fails, naming
 * the holder, and keeps its old rows. A statement timeout (57014) is not transient either.
 */
public final class PgErrors {
    private static final Set<String> TRANSIENT_STATES = Set.of(
            "40001", // serialization_failure
            "40P01", // deadlock_detected
            "53300", // too_many_connections
            "57P01", // admin_shutdown
            "57P02", // crash_shutdown
            "57P03"); // cannot_connect_now

    private PgErrors() {
    }

    public static boolean isTransient(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || TRANSIENT_STATES.contains(s.getSQLState()))) {
                return true;
            }
            if (t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    private static final String LOCK_NOT_AVAILABLE = "55P03";

    /** The statement ran past {@code statement_timeout} (or was cancelled). */
    public static boolean isStatementTimeout(SQLException e) {
        return "57014".equals(e.getSQLState());
    }

    /** The statement gave up waiting for a lock ({@code lock_timeout}). */
    public static boolean isLockTimeout(SQLException e) {
        return LOCK_NOT_AVAILABLE.equals(e.getSQLState());
    }

    /** {@code what} failed because of {@code e}: transient or not, with the server's message. */
    public static RuntimeException translate(String what, SQLException e, PgConnectionString connection) {
        return translate(what, e, connection, "");
    }

    /** As {@link #translate(String, SQLException, PgConnectionString)}, with {@code note} (what Sluice saw) after the server's message. */
    public static RuntimeException translate(String what, SQLException e, PgConnectionString connection, String note) {
        String message = connection.scrub(what + ": " + e.getMessage()
                + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")")
                + (note.isEmpty() ? "" : "; " + note));
        return isTransient(e) ? new TransientException(message) : new ConnectorException(message);
    }
}
