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
 * @param retryable    for {@link Status#FAILED}, whether the cause was transient (it outlasted the
 *                     in-process retries; a later attempt from the same token may succeed)
 * @param rowsPerDestination rows written per table and destination (they differ when a write to one
 *                     destination failed); empty when not known (an outcome read back from a ledger)
 */
public record ItemOutcome(WorkItem item, Status status, Optional<WorkItem> continuation, Map<String, Long> rows,
                          int pages, Optional<String> error, Duration duration, boolean retryable,
                          Map<String, Map<String, Long>> rowsPerDestination) {
    public enum Status { DONE, CONTINUED, FAILED }

    public ItemOutcome {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(status, "status");
        rows = Map.copyOf(rows);
        rowsPerDestination = Map.copyOf(rowsPerDestination);
        if ((status == Status.CONTINUED) != continuation.isPresent()) {
            throw new IllegalArgumentException("a continuation goes with CONTINUED only");
        }
        if ((status == Status.FAILED) != error.isPresent()) {
            throw new IllegalArgumentException("an error goes with FAILED only");
        }
        if (retryable && status != Status.FAILED) {
            throw new IllegalArgumentException("only a failure can be retryable");
        }
    }

    /** An outcome without per-destination row counts. */
    public ItemOutcome(WorkItem item, Status status, Optional<WorkItem> continuation, Map<String, Long> rows,
                       int pages, Optional<String> error, Duration duration, boolean retryable) {
        this(item, status, continuation, rows, pages, error, duration, retryable, Map.of());
    }
}
