package dev.sluice.engine.run;

import dev.sluice.engine.plan.Run;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A run as the ledger keeps it.
 *
 * @param deadline   when the run counts as stalled: a claimed message pushes it past the last
 *                   moment that message can come back, continuations and ends push it by the
 *                   stall; it only moves later; the sweeper closes runs past it
 * @param itemsTotal work items planned (continuations are the same item)
 * @param itemsEnded items whose end is counted, each exactly once (the DynamoDB ledger counts
 *                   them in groups of consecutive items: the number moves as a group completes)
 * @param rows       rows of the counted items
 * @param summary    when ended, the run's report as JSON
 */
public record RunRecord(Run run, RunState state, Instant startedAt, Instant deadline, Optional<Instant> endedAt,
                        int itemsTotal, int itemsEnded, long rows, Optional<String> summary) {
    public RunRecord {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(summary, "summary");
    }

    public static RunRecord started(Run run, Instant now, Instant deadline, int itemsTotal) {
        return new RunRecord(run, RunState.RUNNING, now, deadline, Optional.empty(), itemsTotal, 0, 0, Optional.empty());
    }

    public String id() {
        return run.id();
    }

    public boolean allItemsEnded() {
        return itemsEnded >= itemsTotal;
    }
}
