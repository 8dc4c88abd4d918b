package dev.sluice.engine.run;

import dev.sluice.engine.fetch.ItemOutcome;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/** What one invocation of a work item added: rows per table, pages and busy time. */
public record Progress(Map<String, Long> rows, int pages, Duration busy) {
    public static final Progress NONE = new Progress(Map.of(), 0, Duration.ZERO);

    public Progress {
        rows = Map.copyOf(rows);
        Objects.requireNonNull(busy, "busy");
    }

    public static Progress of(ItemOutcome outcome) {
        return new Progress(outcome.rows(), outcome.pages(), outcome.duration());
    }

    public long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }
}
