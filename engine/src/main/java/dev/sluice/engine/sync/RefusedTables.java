package dev.sluice.engine.sync;

import dev.sluice.engine.fetch.ItemOutcome;
import dev.sluice.engine.plan.WorkItem;
import dev.sluice.spi.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tables whose migration was refused do not run: each of their work items ends FAILED with
 * the refusal (a refused child fails its top-level table, whose items write it), so the
 * finalizer keeps their old rows and the summary names table, column and change.
 */
final class RefusedTables {
    private RefusedTables() {
    }

    static List<ItemOutcome> outcomes(List<Table> tables, List<WorkItem> items, Map<String, String> refused) {
        List<ItemOutcome> out = new ArrayList<>();
        if (refused.isEmpty()) {
            return out;
        }
        for (Table top : tables) {
            Optional<String> why = top.flatten().stream().map(t -> refused.get(t.name())).filter(m -> m != null).findFirst();
            if (why.isEmpty()) {
                continue;
            }
            for (WorkItem item : items) {
                if (item.table().equals(top.name())) {
                    out.add(new ItemOutcome(item, ItemOutcome.Status.FAILED, Optional.empty(), Map.of(), 0,
                            Optional.of("not synced: " + why.get()), Duration.ZERO, false));
                }
            }
        }
        return out;
    }
}
