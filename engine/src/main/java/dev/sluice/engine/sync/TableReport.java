package dev.sluice.engine.sync;

import java.time.Duration;
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
 */
public record TableReport(String table, long rows, int errors, Duration duration, Optional<String> error,
                          long staleDeleted, Optional<String> staleNote) {
    public TableReport {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(staleNote, "staleNote");
    }

    public boolean failed() {
        return errors > 0;
    }
}
