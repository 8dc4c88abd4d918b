package dev.sluice.engine.fetch;

import dev.sluice.engine.plan.WorkItem;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How running a work item ended.
 *
 * @param continuation for {@link Status#CONTINUED}, the item to run next
 * @param rows         rows written to every destination, per table (children included)
 * @param error        for {@link Status#FAILED}, what went wrong
 */
public record ItemOutcome(WorkItem item, Status status, Optional<WorkItem> continuation, Map<String, Long> rows,
                          int pages, Optional<String> error, Duration duration) {
    public enum Status { DONE, CONTINUED, FAILED }

    public ItemOutcome {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(status, "status");
        rows = Map.copyOf(rows);
        if ((status == Status.CONTINUED) != continuation.isPresent()) {
            throw new IllegalArgumentException("a continuation goes with CONTINUED only");
        }
        if ((status == Status.FAILED) != error.isPresent()) {
            throw new IllegalArgumentException("an error goes with FAILED only");
        }
    }
}
