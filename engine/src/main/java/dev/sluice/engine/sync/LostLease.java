package dev.sluice.engine.sync;

import dev.sluice.engine.fetch.ItemOutcome;
import dev.sluice.engine.lease.SourceLease;
import java.util.List;
import java.util.Optional;

/**
 * Outcomes of a run that no longer holds its source's lease: another run took it over (this
 * one looked dead: no renewal for a whole ttl), so this run must not delete stale rows or go
 * on writing. Its items are failed, which makes the finalizer keep every table's old rows.
 */
final class LostLease {
    private LostLease() {
    }

    static ItemOutcome fail(ItemOutcome o, SourceLease lease) {
        if (o.status() == ItemOutcome.Status.FAILED) {
            return o;
        }
        return new ItemOutcome(o.item(), ItemOutcome.Status.FAILED, Optional.empty(), o.rows(), o.pages(),
                Optional.of(message(lease)), o.duration(), false, o.rowsPerDestination());
    }

    static List<ItemOutcome> failAll(List<ItemOutcome> outcomes, SourceLease lease) {
        return outcomes.stream().map(o -> fail(o, lease)).toList();
    }

    private static String message(SourceLease lease) {
        return "run " + lease.holder().runId() + " lost the lease of source " + lease.source()
                + " (not renewed in time, or taken over by another run); stopped, old rows kept";
    }
}
