package dev.sluice.engine.run;

import dev.sluice.engine.fetch.ItemOutcome;
import dev.sluice.engine.plan.WorkItem;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A work item as the ledger keeps it across its continuations.
 *
 * @param current the message the item waits for: its sequence and resume token
 * @param rows    rows written so far, per table (children included)
 * @param busy    time spent fetching and writing, over all invocations
 */
public record ItemRecord(WorkItem current, ItemState state, Map<String, Long> rows, int pages,
                         Optional<String> error, Duration busy) {
    public ItemRecord {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(state, "state");
        rows = Map.copyOf(rows);
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(busy, "busy");
    }

    public static ItemRecord planned(WorkItem item) {
        return new ItemRecord(item, ItemState.PENDING, Map.of(), 0, Optional.empty(), Duration.ZERO);
    }

    /** The item as the finalizer judges it; an item still pending counts as failed. */
    public ItemOutcome outcome() {
        ItemOutcome.Status status = state == ItemState.DONE ? ItemOutcome.Status.DONE : ItemOutcome.Status.FAILED;
        Optional<String> why = status == ItemOutcome.Status.DONE ? Optional.empty()
                : Optional.of(error.orElse("the item never finished"));
        return new ItemOutcome(current, status, Optional.empty(), rows, pages, why, busy, false);
    }
}
