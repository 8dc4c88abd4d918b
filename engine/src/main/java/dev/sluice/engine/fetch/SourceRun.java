package dev.sluice.engine.fetch;

import dev.sluice.engine.plan.Run;
import dev.sluice.spi.Source;
import dev.sluice.spi.StateStore;
import dev.sluice.spi.Table;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Everything the fetch loop needs for one run of one source: the run, the open source, its
 * selected top-level tables by name (with their selected children), where rows go, and the
 * cursor store for incremental tables, and who to tell how many rows each page brought.
 */
public record SourceRun(Run run, Source source, Map<String, Table> tables, boolean deterministicCqId,
                        List<DestinationTarget> targets, Optional<StateStore> cursors, Retry retry,
                        LongConsumer rowsFetched) {
    public SourceRun {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(source, "source");
        tables = Map.copyOf(tables);
        targets = List.copyOf(targets);
        Objects.requireNonNull(cursors, "cursors");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(rowsFetched, "rowsFetched");
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a source run needs at least one destination");
        }
    }

    public Table table(String name) {
        Table t = tables.get(name);
        if (t == null) {
            throw new IllegalArgumentException("table " + name + " is not selected in this run");
        }
        return t;
    }
}
