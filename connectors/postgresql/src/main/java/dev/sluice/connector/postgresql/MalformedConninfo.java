package dev.sluice.connector.postgresql;

/**
 * A connection string is malformed: {@link PgConnectionString#parse} turns this into a
 * {@link dev.sluice.spi.ConfigException} on the field. Messages quote keys and values that
 * cannot be secret, never a password.
 */
final class MalformedConninfo extends RuntimeException {
    MalformedConninfo(String message) {
        super(message, null, false, false);
    }
}
