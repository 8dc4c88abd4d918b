package dev.sluice.engine.fetch;

import dev.sluice.engine.plan.WorkItem;
import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.FetchRequest;
import dev.sluice.spi.Page;
import dev.sluice.spi.StateEntry;
import dev.sluice.spi.StateStore;
import dev.sluice.spi.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The fetch loop of one work item: fetch a page, build its rows and its children's, hand
 * them to every destination's batcher, and repeat until the table is done or the stop signal
 * says to continue in a new item. An incremental table's cursor is committed by
 * compare-and-set only when every row it covers is flushed to every destination.
 */
public final class ItemRunner {
    private static final System.Logger LOG = System.getLogger(ItemRunner.class.getName());

    private final SourceRun ctx;
    private final Map<String, RowFactory> factories = new HashMap<>();

    public ItemRunner(SourceRun ctx) {
        this.ctx = ctx;
        for (Table top : ctx.tables().values()) {
            for (Table t : top.flatten()) {
                factories.put(t.name(), new RowFactory(t, ctx.run().syncTime(), ctx.run().sourceName(), ctx.deterministicCqId()));
            }
        }
    }

    public ItemOutcome run(WorkItem item, StopSignal stop) {
        long started = System.nanoTime();
        Table table = ctx.table(item.table());
        ItemBatches batches = new ItemBatches(table, ctx.targets(), ctx.retry(), ObjectNaming.of(ctx.run(), item));
        Optional<String> token = item.resumeToken();
        int pages = 0;
        ItemCursor cursor = null;
        try {
            cursor = readCursor(item, table);
            batches.afterTimedFlush(cursor::commit); // batch_timeout flushed every buffered row: the cursor may move
            while (true) {
                Optional<String> requestToken = token;
                Optional<String> since = cursor.value();
                Page page = ctx.retry().call("fetch of " + table.name(),
                        () -> ctx.source().fetch(new FetchRequest(table, item.partition(), requestToken, since)));
                addPage(table, item, requestToken, page.rows(), batches);
                CrashPoints.reach(CrashPoints.Point.AFTER_WRITE);
                pages++;
                cursor.advance(page.cursor(), CursorPosition.of(ctx.run(), item, pages));
                if (cursor.pending() && batches.allFlushed()) {
                    cursor.commit();
                }
                token = page.nextToken();
                if (token.isEmpty()) {
                    break;
                }
                if (stop.stopNow()) {
                    flushThenCommit(batches, cursor);
                    return outcome(item, ItemOutcome.Status.CONTINUED, Optional.of(item.continueFrom(token.get())),
                            batches, pages, Optional.empty(), started, false);
                }
            }
            if (item.resumeToken().isEmpty()) {
                batches.tablesEnded();
            }
            flushThenCommit(batches, cursor);
            return outcome(item, ItemOutcome.Status.DONE, Optional.empty(), batches, pages, Optional.empty(), started, false);
        } catch (RuntimeException e) {
            if (cursor != null) {
                salvage(batches, cursor, e);
            }
            String message = FailureText.of(e);
            boolean retryable = e instanceof ConnectorException c && c.retryable();
            LOG.log(System.Logger.Level.ERROR, "table {0}: {1}", table.name(), message);
            return outcome(item, ItemOutcome.Status.FAILED, Optional.empty(), batches, pages,
                    Optional.of(message), started, retryable);
        } finally {
            batches.close();
        }
    }

    /** Rows land before the cursor moves (DESIGN.md invariant 2). */
    private static void flushThenCommit(ItemBatches batches, ItemCursor cursor) {
        batches.flushAll();
        CrashPoints.reach(CrashPoints.Point.AFTER_FLUSH);
        cursor.commit();
        CrashPoints.reach(CrashPoints.Point.AFTER_CURSOR);
    }

    /**
     * After a failure, rows of complete pages still buffered are valid: write them and move
     * the cursor over them. If that fails too, nothing is committed. Not after a failed write:
     * its retries are spent, and trying the same rows again would only repeat the failure (a
     * lock timeout would wait its whole timeout once more).
     */
    private static void salvage(ItemBatches batches, ItemCursor cursor, RuntimeException cause) {
        if (cause instanceof CursorConflictException || batches.anyWriteFailed()) {
            return;
        }
        try {
            batches.flushAll();
            cursor.commit();
        } catch (RuntimeException again) {
            cause.addSuppressed(again);
        }
    }

    /** Builds a page's rows and its children's first, so a page reaches the batches whole or not at all. */
    private void addPage(Table table, WorkItem item, Optional<String> requestToken, List<Object[]> sourceRows, ItemBatches batches) {
        byte[] pageKey = CqIds.pageKey(ctx.run().id(), table.name(), item.partition(), requestToken.orElse(""));
        RowFactory.Rows rows = factories.get(table.name()).build(sourceRows, pageKey, null);
        List<Map.Entry<String, RowFactory.Rows>> page = new ArrayList<>();
        page.add(Map.entry(table.name(), rows));
        collectChildren(table, sourceRows, rows.ids(), item, requestToken, page);
        long count = 0;
        for (Map.Entry<String, RowFactory.Rows> part : page) {
            batches.add(part.getKey(), part.getValue(), part.getValue().pageKey());
            count += part.getValue().rows().size();
        }
        ctx.rowsFetched().accept(count);
    }

    private void collectChildren(Table parent, List<Object[]> parentRows, List<UUID> parentIds, WorkItem item,
                                 Optional<String> requestToken, List<Map.Entry<String, RowFactory.Rows>> page) {
        if (parentRows.isEmpty()) {
            return;
        }
        for (Table child : parent.children()) {
            List<List<Object[]>> perParent = ctx.retry().call("fetch of " + child.name(),
                    () -> ctx.source().fetchChildren(child, parent, parentRows));
            if (perParent.size() != parentRows.size()) {
                throw new ConnectorException("table " + child.name() + ": the source gave children for "
                        + perParent.size() + " of " + parentRows.size() + " parent rows");
            }
            List<Object[]> childRows = new ArrayList<>();
            List<UUID> childParentIds = new ArrayList<>();
            for (int i = 0; i < perParent.size(); i++) {
                for (Object[] row : perParent.get(i)) {
                    childRows.add(row);
                    childParentIds.add(parentIds.get(i));
                }
            }
            byte[] pageKey = CqIds.pageKey(ctx.run().id(), child.name(), item.partition(), requestToken.orElse(""));
            RowFactory.Rows rows = factories.get(child.name()).build(childRows, pageKey, childParentIds);
            page.add(Map.entry(child.name(), rows));
            collectChildren(child, childRows, rows.ids(), item, requestToken, page);
        }
    }

    private ItemCursor readCursor(WorkItem item, Table table) {
        if (!table.incremental()) {
            return ItemCursor.none(item.key());
        }
        StateStore store = ctx.cursors().orElseThrow(() -> new IllegalStateException(
                "incremental table " + table.name() + " has no cursor store"));
        Optional<StateEntry> entry = ctx.retry().call("read of the cursor of " + item.key(), () -> store.get(item.key()));
        return new ItemCursor(store, item.key(), entry, ctx.retry());
    }

    private static ItemOutcome outcome(WorkItem item, ItemOutcome.Status status, Optional<WorkItem> next, ItemBatches batches,
                                       int pages, Optional<String> error, long started, boolean retryable) {
        return new ItemOutcome(item, status, next, batches.written(), pages, error,
                Duration.ofNanos(System.nanoTime() - started), retryable, batches.writtenPerDestination());
    }
}
