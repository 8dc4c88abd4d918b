package dev.sluice.engine.serverless;

import dev.sluice.engine.fetch.CrashPoints;
import dev.sluice.engine.fetch.ItemOutcome;
import dev.sluice.engine.fetch.ItemRunner;
import dev.sluice.engine.fetch.SourceRun;
import dev.sluice.engine.plan.WorkItem;
import dev.sluice.engine.run.Claim;
import dev.sluice.engine.run.ItemState;
import dev.sluice.engine.run.Progress;
import dev.sluice.engine.run.RunLedger;
import dev.sluice.engine.run.RunRecord;
import dev.sluice.engine.sync.SelectedSource;
import dev.sluice.spi.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The fetch function's work for one message: claim the item in the ledger, run it page by
 * page until it is done or the invocation's time runs low, then either record the
 * continuation and send it, or end the item, count its end on the run and ask for
 * finalization when the run is complete. Rows land before cursors move and before the ledger
 * advances, so a crash anywhere replays pages, never skips them. A claim moves the run's
 * deadline past the last moment the message can come back; a redelivery of a message whose
 * item ended counts the end (the ender may have died before counting it, or before asking for
 * finalization); a duplicate another handler holds is handed back until that hold ends, so it
 * carries on if the holder dies; a stale message is dropped.
 */
public final class ItemHandler {
    private static final System.Logger LOG = System.getLogger(ItemHandler.class.getName());
    /** A handed-back duplicate comes back this long after the holder's claim expires. */
    private static final Duration AFTER_HOLD = Duration.ofSeconds(5);

    private final ServerlessContext ctx;

    public ItemHandler(ServerlessContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @param claimant     who handles it (e.g. the request id and message id)
     * @param remaining    the invocation's remaining time, asked after every page
     * @param receiveCount how many times the queue has delivered this message (1 the first time)
     */
    public FetchResult handle(WorkItem message, String claimant, Supplier<Duration> remaining, int receiveCount) {
        RunLedger ledger = ctx.ledger();
        Instant now = ctx.settings().clock().instant();
        Optional<RunRecord> run = ledger.run(message.runId());
        if (run.isEmpty() || run.get().state().ended()) {
            return dropped(message, run.isEmpty() ? "unknown run" : "run already " + run.get().state());
        }
        if (!run.get().run().sourceName().equals(message.sourceName())) {
            return dropped(message, "the message names source " + message.sourceName() + " but run " + message.runId()
                    + " is of source " + run.get().run().sourceName());
        }
        Claim claim = ledger.claim(message, claimant, now, now.plus(remaining.get()));
        switch (claim.verdict()) {
            case ACCEPTED -> ledger.extend(message.runId(), now.plus(ctx.settings().claimLife()));
            case ENDED -> {
                return counted(message, "already ended; its end is counted");
            }
            case STALE -> {
                claim.resend().ifPresent(awaited -> ctx.queue().enqueue(List.of(awaited)));
                return dropped(message, "stale message" + (claim.resend().isPresent() ? "; re-sent the awaited one" : ""));
            }
            case BUSY -> {
                return busy(message, claim, now, receiveCount);
            }
            default -> {
                return dropped(message, "unknown item");
            }
        }
        Optional<SelectedSource> source = ctx.source(message.sourceName());
        Optional<Table> table = source.flatMap(s -> s.tables().stream().filter(t -> t.name().equals(message.table())).findFirst());
        if (table.isEmpty()) {
            String why = source.isEmpty() ? "source " + message.sourceName() + " is no longer in the config"
                    : "table " + message.table() + " is no longer selected by source " + message.sourceName();
            return end(message, claimant, ItemState.FAILED, Progress.NONE, Optional.of(why), FetchResult.Kind.FAILED);
        }
        ItemOutcome outcome = runner(run.get(), source.get()).run(message,
                () -> remaining.get().compareTo(ctx.settings().timeMargin()) < 0);
        Progress progress = Progress.of(outcome);
        return switch (outcome.status()) {
            case DONE -> end(message, claimant, ItemState.DONE, progress, Optional.empty(), FetchResult.Kind.DONE);
            case CONTINUED -> continueWith(message, outcome.continuation().orElseThrow(), claimant, progress);
            case FAILED -> failed(message, claimant, outcome, progress, receiveCount);
        };
    }

    private ItemRunner runner(RunRecord run, SelectedSource s) {
        Map<String, Table> tables = s.tables().stream().collect(Collectors.toMap(Table::name, Function.identity()));
        boolean incremental = s.hasIncrementalTables();
        String name = s.prepared().name();
        return new ItemRunner(new SourceRun(run.run(), s.prepared().source(), tables, s.prepared().spec().deterministicCqId(),
                ctx.targets(name), incremental ? Optional.of(ctx.cursors(name)) : Optional.empty(),
                ctx.settings().retry(), rows -> { }));
    }

    private FetchResult continueWith(WorkItem message, WorkItem next, String claimant, Progress progress) {
        // the run's deadline already covers this message's claim; the continuation is reserved until a copy could return
        Instant reserved = ctx.settings().clock().instant().plus(ctx.settings().continuationReserve());
        if (!ctx.ledger().advance(message, next, claimant, progress, reserved)) {
            LOG.log(System.Logger.Level.WARNING, "item {0} of run {1}: lost its claim before recording the continuation; "
                    + "the current holder carries on", message.key(), message.runId());
            return new FetchResult(FetchResult.Kind.DROPPED, "lost the claim");
        }
        CrashPoints.reach(CrashPoints.Point.AFTER_LEDGER);
        ctx.queue().enqueue(List.of(next));
        return new FetchResult(FetchResult.Kind.CONTINUED, progress.pages() + " pages, " + progress.totalRows()
                + " rows; continues as message " + next.sequence());
    }

    private FetchResult failed(WorkItem message, String claimant, ItemOutcome outcome, Progress progress, int receiveCount) {
        String error = outcome.error().orElse("failed");
        if (outcome.retryable() && receiveCount < ctx.settings().maxReceives()) {
            ctx.ledger().release(message, claimant);
            handedBack(message, ServerlessSettings.MAX_HAND_BACK);
            return new FetchResult(FetchResult.Kind.RETRY, "transient failure (delivery " + receiveCount + " of "
                    + ctx.settings().maxReceives() + "), handed back: " + error);
        }
        return end(message, claimant, ItemState.FAILED, progress, Optional.of(error), FetchResult.Kind.FAILED);
    }

    /** A duplicate of a message another handler holds: back to the queue until the hold ends, unless this is its last delivery. */
    private FetchResult busy(WorkItem message, Claim claim, Instant now, int receiveCount) {
        if (receiveCount >= ctx.settings().maxReceives()) {
            return dropped(message, "duplicate delivery held by another handler, on its last delivery");
        }
        Duration wait = claim.heldUntil().map(until -> Duration.between(now, until)).filter(d -> !d.isNegative())
                .orElse(Duration.ZERO).plus(AFTER_HOLD);
        handedBack(message, wait);
        return new FetchResult(FetchResult.Kind.RETRY, "duplicate delivery held by another handler; handed back for "
                + wait.toSeconds() + " s, in case the holder dies", Optional.of(wait));
    }

    /** A message handed back for {@code wait} keeps its run alive until it can come back, plus the stall. */
    private void handedBack(WorkItem message, Duration wait) {
        ctx.ledger().extend(message.runId(), ctx.settings().clock().instant().plus(wait).plus(ctx.settings().stall()));
    }

    private FetchResult end(WorkItem message, String claimant, ItemState state, Progress progress,
                            Optional<String> error, FetchResult.Kind kind) {
        if (!ctx.ledger().end(message, claimant, state, progress, error)) {
            return new FetchResult(FetchResult.Kind.DROPPED, "lost the claim before ending the item");
        }
        CrashPoints.reach(CrashPoints.Point.AFTER_END);
        FetchResult counted = counted(message, progress.pages() + " pages, " + progress.totalRows() + " rows"
                + error.map(e -> ": " + e).orElse(""));
        return new FetchResult(kind, counted.detail());
    }

    /** Counts the item's end on the run (once, whoever asks) and asks for finalization when the run is complete. */
    private FetchResult counted(WorkItem message, String detail) {
        boolean complete = ctx.ledger().count(message, deadline());
        CrashPoints.reach(CrashPoints.Point.AFTER_COUNT);
        if (complete) {
            ctx.queue().requestFinalize(message.runId());
        }
        return new FetchResult(FetchResult.Kind.DROPPED, detail + (complete ? "; every item of the run ended" : ""));
    }

    private Instant deadline() {
        return ctx.settings().clock().instant().plus(ctx.settings().stall());
    }

    private static FetchResult dropped(WorkItem message, String why) {
        LOG.log(System.Logger.Level.INFO, "item {0} of run {1}, message {2}: dropped ({3})",
                message.key(), message.runId(), message.sequence(), why);
        return new FetchResult(FetchResult.Kind.DROPPED, why);
    }
}
