package dev.sluice.connector.sqlite;

import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.TransientException;
import java.sql.SQLException;
import org.sqlite.SQLiteException;

/**
 * Turns SQLite's errors into the SPI's: busy and locked (another writer holds the database past
 * the busy timeout) may pass, so they are transient; everything else is not. Messages carry
 * SQLite's own text, which holds no secrets (a SQLite database has no password).
 */
final class SqliteErrors {
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;

    private SqliteErrors() {
    }

    static ConnectorException of(String what, SQLException e) {
        String message = "sqlite: " + what + ": " + e.getMessage();
        return busyOrLocked(e) ? new TransientException(message, e) : new ConnectorException(message, e);
    }

    private static boolean busyOrLocked(SQLException e) {
        if (e instanceof SQLiteException s) {
            String code = s.getResultCode().name();
            if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
                return true;
            }
        }
        int primary = e.getErrorCode() & 0xff;
        return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
    }
}
