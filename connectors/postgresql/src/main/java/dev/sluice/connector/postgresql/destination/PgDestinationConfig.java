package dev.sluice.connector.postgresql.destination;

import dev.sluice.connector.postgresql.PgConnectionString;
import dev.sluice.spi.Spec;
import java.util.Objects;
import java.util.Set;

/**
 * The PostgreSQL destination's spec, CloudQuery's fields: {@code connection_string} (a
 * {@code postgres://} URL or a {@code key=value} DSN), {@code create_performance_indexes}
 * (an index on {@code (_cq_source_name, _cq_sync_time)}, which makes delete-stale an index
 * scan on large tables), and {@code pgx_log_level} (accepted for compatibility; Sluice logs
 * through its own {@code --log-level}). Batch sizes are the engine's.
 */
public record PgDestinationConfig(PgConnectionString connection, boolean createPerformanceIndexes) {
    public static final String CONNECTION_STRING = "connection_string";
    public static final String PERFORMANCE_INDEXES = "create_performance_indexes";
    public static final String PGX_LOG_LEVEL = "pgx_log_level";

    public PgDestinationConfig {
        Objects.requireNonNull(connection, "connection");
    }

    public static PgDestinationConfig parse(Spec spec) {
        spec.requireOnly(Set.of(CONNECTION_STRING, PERFORMANCE_INDEXES, PGX_LOG_LEVEL));
        spec.optionalString(PGX_LOG_LEVEL);
        return new PgDestinationConfig(PgConnectionString.parse(spec.string(CONNECTION_STRING), CONNECTION_STRING),
                spec.bool(PERFORMANCE_INDEXES, false));
    }
}
