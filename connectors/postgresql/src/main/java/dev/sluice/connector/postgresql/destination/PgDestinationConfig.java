package dev.sluice.connector.postgresql.destination;

import dev.sluice.connector.postgresql.PgConnectionString;
import dev.sluice.connector.postgresql.PgTimeouts;
import dev.sluice.spi.ConfigException;
import dev.sluice.spi.ConfigProblems;
import dev.sluice.spi.Spec;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The PostgreSQL destination's spec, CloudQuery's fields: {@code connection_string} (a
 * {@code postgres://} URL or a {@code key=value} DSN), {@code create_performance_indexes}
 * (an index on {@code (_cq_source_name, _cq_sync_time)}, which makes delete-stale an index
 * scan on large tables), and {@code pgx_log_level} (accepted for compatibility; Sluice logs
 * through its own {@code --log-level}); and Sluice's {@code lock_timeout} (default 1m) and
 * {@code statement_timeout} (default 30m), durations such as {@code 30s}, {@code 0} to disable,
 * set on every session. Batch sizes are the engine's.
 */
public record PgDestinationConfig(PgConnectionString connection, boolean createPerformanceIndexes, PgTimeouts timeouts) {
    public static final String CONNECTION_STRING = "connection_string";
    public static final String PERFORMANCE_INDEXES = "create_performance_indexes";
    public static final String PGX_LOG_LEVEL = "pgx_log_level";
    public static final String LOCK_TIMEOUT = "lock_timeout";
    public static final String STATEMENT_TIMEOUT = "statement_timeout";

    public PgDestinationConfig {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(timeouts, "timeouts");
    }

    /** With the default timeouts. */
    public PgDestinationConfig(PgConnectionString connection, boolean createPerformanceIndexes) {
        this(connection, createPerformanceIndexes,
                PgTimeouts.of(PgTimeouts.DEFAULT_LOCK_TIMEOUT, PgTimeouts.DEFAULT_STATEMENT_TIMEOUT));
    }

    /** Every problem of the spec at once, in one {@link ConfigException}. */
    public static PgDestinationConfig parse(Spec spec) {
        ConfigProblems problems = new ConfigProblems();
        problems.check(() -> spec.requireOnly(Set.of(CONNECTION_STRING, PERFORMANCE_INDEXES, PGX_LOG_LEVEL, LOCK_TIMEOUT,
                STATEMENT_TIMEOUT)));
        problems.check(() -> spec.optionalString(PGX_LOG_LEVEL));
        Duration lock = problems.check(() -> timeout(spec, LOCK_TIMEOUT, PgTimeouts.DEFAULT_LOCK_TIMEOUT),
                PgTimeouts.DEFAULT_LOCK_TIMEOUT);
        Duration statement = problems.check(() -> timeout(spec, STATEMENT_TIMEOUT, PgTimeouts.DEFAULT_STATEMENT_TIMEOUT),
                PgTimeouts.DEFAULT_STATEMENT_TIMEOUT);
        PgConnectionString connection = problems.check(
                () -> PgConnectionString.parse(spec.string(CONNECTION_STRING), CONNECTION_STRING), null);
        boolean indexes = problems.check(() -> spec.bool(PERFORMANCE_INDEXES, false), false);
        PgTimeouts timeouts = problems.check(() -> PgTimeouts.of(lock, statement), null);
        problems.throwIfAny();
        return new PgDestinationConfig(connection, indexes, timeouts);
    }

    /** A duration as CloudQuery writes one, or 0 (disabled); at most PostgreSQL's limit, about 24 days. */
    private static Duration timeout(Spec spec, String key, Duration defaultValue) {
        Duration d = spec.optionalString(key).filter(v -> v.strip().equals("0")).isPresent()
                ? Duration.ZERO : spec.duration(key, defaultValue);
        if (d.toMillis() > Integer.MAX_VALUE || d.isNegative()) {
            throw new ConfigException(key, "must be at most " + Integer.MAX_VALUE + " ms (about 24 days), or 0 to disable");
        }
        return d;
    }
}
