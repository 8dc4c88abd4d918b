package dev.sluice.engine.sync;

import dev.sluice.engine.plan.Run;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** The outcome of one run of one source: per table, and overall. */
public record SourceReport(Run run, String sourcePath, List<String> destinations, List<TableReport> tables,
                           RunStatus status, Duration duration) {
    public SourceReport {
        Objects.requireNonNull(run, "run");
        destinations = List.copyOf(destinations);
        tables = List.copyOf(tables);
        Objects.requireNonNull(status, "status");
    }

    public long rows() {
        return tables.stream().mapToLong(TableReport::rows).sum();
    }

    public long errors() {
        return tables.stream().mapToLong(TableReport::errors).sum();
    }
}
