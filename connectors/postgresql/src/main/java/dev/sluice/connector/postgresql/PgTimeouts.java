package dev.sluice.connector.postgresql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long a session's statements may wait: PostgreSQL's {@code lock_timeout} (waiting for a
 * lock another session holds) and {@code statement_timeout} (a whole statement), set on every
 * pooled connection when it opens. Zero disables one; empty leaves the server's setting alone.
 */
public record PgTimeouts(Optional<Duration> lockTimeout, Optional<Duration> statementTimeout) {
    /** Longer than any lock a healthy writer waits for, short enough that a stuck table reports within minutes. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(1);
    /** Far beyond a batch write; room for delete-stale over hundreds of millions of rows. */
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofMinutes(30);
    private static final long MAX_MILLIS = Integer.MAX_VALUE; // PostgreSQL's limit for both settings

    public PgTimeouts {
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        lockTimeout.ifPresent(PgTimeouts::check);
        statementTimeout.ifPresent(PgTimeouts::check);
    }

    /** The server's own settings (the source's sessions). */
    public static PgTimeouts serverDefaults() {
        return new PgTimeouts(Optional.empty(), Optional.empty());
    }

    public static PgTimeouts of(Duration lockTimeout, Duration statementTimeout) {
        return new PgTimeouts(Optional.of(lockTimeout), Optional.of(statementTimeout));
    }

    private static void check(Duration d) {
        if (d.isNegative() || d.toMillis() > MAX_MILLIS) {
            throw new IllegalArgumentException("a timeout must be from 0 to " + MAX_MILLIS + " ms, got " + d);
        }
    }

    /** Sets both on {@code c} for the life of the session (outside any transaction, so a rollback keeps them). */
    void apply(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            if (lockTimeout.isPresent()) {
                st.execute("SET lock_timeout = " + lockTimeout.get().toMillis());
            }
            if (statementTimeout.isPresent()) {
                st.execute("SET statement_timeout = " + statementTimeout.get().toMillis());
            }
        }
    }

    /** The lock timeout as a user wrote it, for messages: "1m", "disabled", or "server default". */
    String describeLockTimeout() {
        return lockTimeout.map(d -> d.isZero() ? "disabled" : PgTimeouts.text(d)).orElse("the server's");
    }

    static String text(Duration d) {
        long ms = d.toMillis();
        return ms % 60_000 == 0 ? ms / 60_000 + "m" : ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
