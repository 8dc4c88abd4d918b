package dev.sluice.engine.fetch;

import dev.sluice.spi.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The batchers of one work item: one per (table, destination), parents before children. */
final class ItemBatches {
    private final Map<String, List<Batcher>> byTable = new LinkedHashMap<>();

    ItemBatches(Table top, List<DestinationTarget> targets, Retry retry) {
        for (Table t : top.flatten()) {
            List<Batcher> batchers = new ArrayList<>(targets.size());
            for (DestinationTarget target : targets) {
                batchers.add(new Batcher(target, target.schema(t.name()), retry));
            }
            byTable.put(t.name(), batchers);
        }
    }

    void add(String table, RowFactory.Rows rows) {
        for (Batcher b : byTable.get(table)) {
            b.add(rows.rows(), rows.bytes());
        }
    }

    void flushAll() {
        for (List<Batcher> batchers : byTable.values()) {
            for (Batcher b : batchers) {
                b.flush();
            }
        }
    }

    /** Some write failed after its retries: writing the same rows again would fail the same way. */
    boolean anyWriteFailed() {
        return byTable.values().stream().flatMap(List::stream).anyMatch(Batcher::failed);
    }

    boolean allFlushed() {
        return byTable.values().stream().flatMap(List::stream).allMatch(Batcher::isEmpty);
    }

    /** Rows written to every destination, per table: the least any destination received. */
    Map<String, Long> written() {
        Map<String, Long> rows = new HashMap<>();
        byTable.forEach((table, batchers) ->
                rows.put(table, batchers.stream().mapToLong(Batcher::written).min().orElse(0)));
        return rows;
    }
}
