package dev.sluice.engine.plan;

import dev.sluice.spi.Source;
import dev.sluice.spi.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Splits a run into work items: one per partition of each selected top-level table. */
public final class Planner {
    private Planner() {
    }

    public static List<WorkItem> plan(Run run, Source source, List<Table> tables) {
        List<WorkItem> items = new ArrayList<>();
        for (Table table : tables) {
            List<String> partitions = source.partitions(table);
            if (partitions.isEmpty()) {
                throw new IllegalStateException("source gave no partitions for table " + table.name());
            }
            for (String partition : partitions) {
                items.add(new WorkItem(run.id(), run.sourceName(), table.name(), partition, Optional.empty(), 0));
            }
        }
        return items;
    }
}
