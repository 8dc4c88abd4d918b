package dev.sluice.engine.sync;

import dev.sluice.engine.plan.Run;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The outcome of one run of one source: per table, and overall. {@code deleteStale} names the
 * destinations that delete stale rows ({@code overwrite-delete-stale}), when known.
 */
public record SourceReport(Run run, String sourcePath, List<String> destinations, List<TableReport> tables,
                           RunStatus status, Duration duration, Optional<Set<String>> deleteStale) {
    public SourceReport {
        Objects.requireNonNull(run, "run");
        destinations = List.copyOf(destinations);
        tables = List.copyOf(tables);
        Objects.requireNonNull(status, "status");
        deleteStale = deleteStale.map(Set::copyOf);
    }

    /** A report that does not say which destinations delete stale rows. */
    public SourceReport(Run run, String sourcePath, List<String> destinations, List<TableReport> tables,
                        RunStatus status, Duration duration) {
        this(run, sourcePath, destinations, tables, status, duration, Optional.empty());
    }

    public long rows() {
        return tables.stream().mapToLong(TableReport::rows).sum();
    }

    public long errors() {
        return tables.stream().mapToLong(TableReport::errors).sum();
    }
}
