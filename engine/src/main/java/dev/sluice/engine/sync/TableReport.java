package dev.sluice.engine.sync;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How one table fared in a run.
 *
 * @param rows         rows written to every destination
 * @param errors       work items of the table that failed
 * @param error        the first failure's message
 * @param staleDeleted rows deleted as stale, over all destinations
 * @param staleNote    why stale rows were kept, when they were
 * @param rowsPerDestination   rows written to each destination (empty when not known)
 * @param stalePerDestination  rows deleted as stale in each destination that deletes stale rows
 */
public record TableReport(String table, long rows, int errors, Duration duration, Optional<String> error,
                          long staleDeleted, Optional<String> staleNote, Map<String, Long> rowsPerDestination,
                          Map<String, Long> stalePerDestination) {
    public TableReport {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(staleNote, "staleNote");
        rowsPerDestination = Map.copyOf(rowsPerDestination);
        stalePerDestination = Map.copyOf(stalePerDestination);
    }

    /** A report without per-destination counts. */
    public TableReport(String table, long rows, int errors, Duration duration, Optional<String> error,
                       long staleDeleted, Optional<String> staleNote) {
        this(table, rows, errors, duration, error, staleDeleted, staleNote, Map.of(), Map.of());
    }

    /** Rows written to {@code destination}; {@link #rows()} when not known per destination. */
    public long rowsIn(String destination) {
        return rowsPerDestination.getOrDefault(destination, rows);
    }

    public boolean failed() {
        return errors > 0;
    }
}
