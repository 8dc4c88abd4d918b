package dev.sluice.engine.run;

import dev.sluice.engine.plan.WorkItem;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Argument checks and record arithmetic shared by {@link MemoryRunLedger}'s methods. */
final class LedgerChecks {
    /** Newest first; equal start times by id, so the order is stable. */
    static final Comparator<RunRecord> NEWEST_FIRST =
            Comparator.comparing(RunRecord::startedAt).reversed().thenComparing(RunRecord::id);

    private LedgerChecks() {
    }

    static void checkStart(RunRecord run, List<WorkItem> items) {
        if (run.itemsTotal() != items.size()) {
            throw new IllegalArgumentException("run " + run.id() + " has " + run.itemsTotal() + " items total but "
                    + items.size() + " work items were given");
        }
        Set<String> keys = new HashSet<>();
        for (WorkItem i : items) {
            if (!i.runId().equals(run.id()) || !i.sourceName().equals(run.run().sourceName())) {
                throw new IllegalArgumentException("work item " + i.key() + " belongs to run " + i.runId()
                        + " of " + i.sourceName() + ", not to run " + run.id());
            }
            if (!keys.add(i.key())) {
                throw new IllegalArgumentException("work item " + i.key() + " is planned twice in run " + run.id());
            }
        }
    }

    static void checkAdvance(WorkItem from, WorkItem next) {
        if (!from.runId().equals(next.runId()) || !from.key().equals(next.key()) || next.sequence() != from.sequence() + 1) {
            throw new IllegalArgumentException("message " + next.sequence() + " of " + next.key()
                    + " does not continue message " + from.sequence() + " of " + from.key());
        }
    }

    static void checkEnd(ItemState state, Optional<String> error) {
        if (!state.ended()) {
            throw new IllegalArgumentException("an item ends DONE or FAILED, not " + state);
        }
        if (error == null) {
            throw new NullPointerException("error");
        }
    }

    static void checkComplete(RunState state, String summaryJson) {
        if (!state.ended()) {
            throw new IllegalArgumentException("a run completes SUCCEEDED, PARTIAL or FAILED, not " + state);
        }
        if (summaryJson == null) {
            throw new NullPointerException("summaryJson");
        }
    }

    static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    static ItemRecord add(ItemRecord r, Progress p) {
        Map<String, Long> rows = new HashMap<>(r.rows());
        p.rows().forEach((table, n) -> rows.merge(table, n, Long::sum));
        return new ItemRecord(r.current(), r.state(), rows, r.pages() + p.pages(), r.error(), r.busy().plus(p.busy()));
    }

    static RunRecord withProgress(RunRecord r, long rows, Instant deadline, int ended) {
        return new RunRecord(r.run(), r.state(), r.startedAt(), deadline, r.endedAt(), r.itemsTotal(), ended,
                r.rows() + rows, r.summary());
    }

    static RunRecord withState(RunRecord r, RunState state, Optional<Instant> endedAt, Optional<String> summary) {
        return new RunRecord(r.run(), state, r.startedAt(), r.deadline(), endedAt, r.itemsTotal(), r.itemsEnded(),
                r.rows(), summary);
    }
}
