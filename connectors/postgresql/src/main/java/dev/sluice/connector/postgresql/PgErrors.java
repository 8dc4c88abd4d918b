package dev.sluice.connector.postgresql;

import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.TransientException;
import java.sql.SQLException;
import java.util.Set;

/**
 * Turns a {@link SQLException} into the engine's terms: transient (connection lost, server
 * restarting, serialization failure, deadlock, too many connections) so the engine retries
 * it with backoff, or a plain {@link ConnectorException} carrying the server's message. The
 * connection string's password never reaches a message.
 */
public final class PgErrors {
    private static final Set<String> TRANSIENT_STATES = Set.of(
            "40001", // serialization_failure
            "40P01", // deadlock_detected
            "53300", // too_many_connections
            "55P03", // lock_not_available
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

    /** {@code what} failed because of {@code e}: transient or not, with the server's message. */
    public static RuntimeException translate(String what, SQLException e, PgConnectionString connection) {
        String message = connection.scrub(what + ": " + e.getMessage()
                + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")"));
        return isTransient(e) ? new TransientException(message) : new ConnectorException(message);
    }
}
