package dev.sluice.engine.serverless;

import dev.sluice.engine.fetch.ItemOutcome;
import dev.sluice.engine.run.ItemRecord;
import dev.sluice.engine.run.RunRecord;
import dev.sluice.engine.run.RunState;
import dev.sluice.engine.sync.Finalizer;
import dev.sluice.engine.sync.PreparedDestination;
import dev.sluice.engine.sync.SelectedSource;
import dev.sluice.engine.sync.SourceReport;
import dev.sluice.engine.sync.SyncSummaries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Ends a run once its last item ended: delete-stale for the tables whose items all
 * succeeded, the summary (and {@code cloudquery_sync_summaries} rows where asked), the final
 * state, the lease released. Safe to run twice: the ledger lets one finalizer in, delete-stale
 * is idempotent and a summary row's id is fixed by run and destination. The sweeper closes
 * runs whose items stopped arriving.
 */
public final class RunFinalizer {
    private static final System.Logger LOG = System.getLogger(RunFinalizer.class.getName());
    private static final Duration HOLD = Duration.ofMinutes(10);

    private final ServerlessContext ctx;

    public RunFinalizer(ServerlessContext ctx) {
        this.ctx = ctx;
    }

    /** Finalizes {@code runId} if nobody did or is doing it; the report when this call did. */
    public Optional<SourceReport> finalizeRun(String runId, String claimant) {
        Instant now = ctx.settings().clock().instant();
        Optional<RunRecord> begun = ctx.ledger().beginFinalize(runId, claimant, now, now.plus(HOLD));
        if (begun.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "run {0}: already finalized or being finalized", runId);
            return Optional.empty();
        }
        RunRecord run = begun.get();
        List<ItemRecord> items = ctx.ledger().items(runId);
        List<ItemOutcome> outcomes = items.stream().map(ItemRecord::outcome).toList();
        if (items.size() < run.itemsTotal()) {
            String why = "the run's item list is incomplete: " + items.size() + " of " + run.itemsTotal() + " items recorded";
            LOG.log(System.Logger.Level.ERROR, "run {0}: {1}; every table fails, nothing is deleted", runId, why);
            outcomes = outcomes.stream().map(o -> new ItemOutcome(o.item(), ItemOutcome.Status.FAILED, o.continuation(),
                    o.rows(), o.pages(), Optional.of(o.error().map(e -> e + "; ").orElse("") + why), o.duration(), false)).toList();
        }
        Set<String> tables = items.stream().map(i -> i.current().table()).collect(Collectors.toSet());
        Optional<SelectedSource> source = ctx.source(run.run().sourceName());
        SourceReport report;
        if (source.isEmpty()) {
            report = new SourceReport(run.run(), "", List.of(), List.of(), dev.sluice.engine.sync.RunStatus.FAILED,
                    Duration.between(run.startedAt(), now));
            LOG.log(System.Logger.Level.ERROR, "run {0}: source {1} is no longer in the config; nothing deleted",
                    runId, run.run().sourceName());
        } else {
            SelectedSource s = items.size() < run.itemsTotal() ? source.get() : ServerlessContext.narrow(source.get(), tables);
            report = Finalizer.finish(run.run(), s.prepared().spec().path(), s.prepared().source(), s.tables(),
                    ctx.targets(s.prepared().name()), outcomes, Duration.between(run.startedAt(), now), ctx.settings().retry());
            for (PreparedDestination d : s.prepared().destinations()) {
                if (d.spec().sendSyncSummary()) {
                    try {
                        ctx.settings().retry().run("summary of " + d.name(), () -> SyncSummaries.write(s.prepared().spec(), report, d));
                    } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.ERROR, "run {0}: could not write the sync summary to {1}: {2}",
                                runId, d.name(), e.getMessage());
                    }
                }
            }
        }
        RunState state = RunState.valueOf(report.status().name());
        ctx.ledger().complete(runId, state, ReportJson.report(report), ctx.settings().clock().instant());
        LOG.log(System.Logger.Level.INFO, "run {0} of {1}: {2}, {3} rows, {4} errors",
                runId, run.run().sourceName(), state, report.rows(), report.errors());
        return Optional.of(report);
    }

    /**
     * Closes runs past their deadline: their pending items fail as lost, then the run is
     * finalized. Each run on its own: one that cannot be closed is logged and left to the next
     * sweep, the others are closed. Returns the ids closed.
     */
    public List<String> sweep(String claimant) {
        List<String> closed = new ArrayList<>();
        for (RunRecord r : ctx.ledger().overdue(ctx.settings().clock().instant())) {
            LOG.log(System.Logger.Level.WARNING, "run {0} of {1}: no progress and no message that can come back since {2};"
                    + " closing it", r.id(), r.run().sourceName(), r.deadline().minus(ctx.settings().stall()));
            try {
                close(r.id(), claimant, "no progress for " + ctx.settings().stall().toMinutes()
                        + " minutes: its message was lost or dead-lettered").ifPresent(report -> closed.add(r.id()));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "run " + r.id() + " of " + r.run().sourceName()
                        + ": could not close it (the next sweep tries again); the sweep goes on with the other runs: " + e, e);
            }
        }
        return closed;
    }

    /**
     * Closes a run nothing will move any more: its pending items fail with {@code reason}, then
     * the run is finalized (the sweep's work, for one run); the report when this call finalized it.
     */
    public Optional<SourceReport> close(String runId, String claimant, String reason) {
        List<String> pending = ctx.ledger().items(runId).stream().filter(i -> !i.state().ended())
                .map(i -> i.current().key()).toList();
        LOG.log(System.Logger.Level.WARNING, "run {0}: items that never finished: {1}", runId, pending);
        ctx.ledger().abandonPending(runId, reason);
        return finalizeRun(runId, claimant);
    }
}
