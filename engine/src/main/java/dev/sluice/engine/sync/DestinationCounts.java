package dev.sluice.engine.sync;

import dev.sluice.engine.config.WriteMode;
import dev.sluice.engine.fetch.DestinationTarget;
import dev.sluice.engine.fetch.ItemOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Per-destination figures of a table's report: rows each destination received, and which destinations delete stale rows. */
final class DestinationCounts {
    private DestinationCounts() {
    }

    /** Rows of {@code table} written to each destination over the items; empty when no item knew. */
    static Map<String, Long> rows(List<ItemOutcome> items, String table) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (ItemOutcome o : items) {
            o.rowsPerDestination().getOrDefault(table, Map.of()).forEach((d, n) -> rows.merge(d, n, Long::sum));
        }
        return rows;
    }

    static Set<String> deletingStale(List<DestinationTarget> targets) {
        return targets.stream().filter(t -> t.writeMode() == WriteMode.OVERWRITE_DELETE_STALE)
                .map(DestinationTarget::name).collect(Collectors.toSet());
    }
}
