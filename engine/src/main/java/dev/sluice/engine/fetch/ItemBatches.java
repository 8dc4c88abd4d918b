package dev.sluice.engine.fetch;

import dev.sluice.spi.Table;
import dev.sluice.spi.TableSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;

/**
 * The batches of one work item: one per (table, destination), parents before children: a
 * {@link Batcher} of rows, or an {@link ObjectBatcher} for a destination of objects. A
 * {@link BatchTimer} flushes every batch whose first row has waited {@code batch_timeout} (objects
 * excepted: they end only between pages), even while no row arrives, and then runs the item's after-flush step (committing a cursor
 * whose rows are all written). Its failure surfaces on the item's own thread at the next call.
 * Every method holds this object's lock, so the timer and the fetch loop never interleave.
 */
final class ItemBatches implements AutoCloseable {
    private final Map<String, List<TableBatch>> byTable = new LinkedHashMap<>();
    private final ScheduledFuture<?> timer;
    private Runnable afterTimedFlush = () -> { };
    private RuntimeException timedFailure;

    ItemBatches(Table top, List<DestinationTarget> targets, Retry retry, ObjectNaming naming) {
        for (Table t : top.flatten()) {
            List<TableBatch> batchers = new ArrayList<>(targets.size());
            for (DestinationTarget target : targets) {
                TableSchema schema = target.schema(t.name());
                batchers.add(target.destination().objects()
                        .<TableBatch>map(w -> new ObjectBatcher(target.name(), w, schema, target.limits(), naming))
                        .orElseGet(() -> new Batcher(target, schema, retry)));
            }
            byTable.put(t.name(), batchers);
        }
        Duration shortest = targets.stream().map(d -> d.limits().timeout()).min(Duration::compareTo).orElse(null);
        timer = shortest == null ? null : BatchTimer.every(shortest, this::flushExpired);
    }

    /** What to do after the timer flushed the last buffered rows (the fetch loop's cursor commit). */
    synchronized void afterTimedFlush(Runnable step) {
        afterTimedFlush = step;
    }

    /** Takes one page of {@code table} ({@code pageKey} names it) for every destination. */
    synchronized void add(String table, RowFactory.Rows rows, byte[] pageKey) {
        rethrowTimedFailure();
        for (TableBatch b : byTable.get(table)) {
            b.add(rows.rows(), rows.bytes(), pageKey);
        }
    }

    /** The item read its table from the start to the end (for destinations that mark empty tables). */
    synchronized void tablesEnded() {
        rethrowTimedFailure();
        for (List<TableBatch> batchers : byTable.values()) {
            for (TableBatch b : batchers) {
                b.tableEnded();
            }
        }
    }

    synchronized void flushAll() {
        rethrowTimedFailure();
        for (List<TableBatch> batchers : byTable.values()) {
            for (TableBatch b : batchers) {
                b.flush();
            }
        }
    }

    /** Some write failed after its retries: writing the same rows again would fail the same way. */
    synchronized boolean anyWriteFailed() {
        return byTable.values().stream().flatMap(List::stream).anyMatch(TableBatch::failed);
    }

    synchronized boolean allFlushed() {
        return byTable.values().stream().flatMap(List::stream).allMatch(TableBatch::isEmpty);
    }

    /** Rows written to every destination, per table: the least any destination received. */
    synchronized Map<String, Long> written() {
        Map<String, Long> rows = new HashMap<>();
        byTable.forEach((table, batchers) ->
                rows.put(table, batchers.stream().mapToLong(TableBatch::written).min().orElse(0)));
        return rows;
    }

    /** Rows written per table and destination. */
    synchronized Map<String, Map<String, Long>> writtenPerDestination() {
        Map<String, Map<String, Long>> rows = new HashMap<>();
        byTable.forEach((table, batchers) -> {
            Map<String, Long> perDestination = new HashMap<>();
            batchers.forEach(b -> perDestination.merge(b.destinationName(), b.written(), Long::sum));
            rows.put(table, perDestination);
        });
        return rows;
    }

    private synchronized void flushExpired() {
        if (timedFailure != null) {
            return;
        }
        try {
            long now = System.nanoTime();
            boolean flushed = false;
            for (List<TableBatch> batchers : byTable.values()) {
                for (TableBatch b : batchers) {
                    if (b.expired(now)) {
                        b.flush();
                        flushed = true;
                    }
                }
            }
            if (flushed && allFlushed()) {
                afterTimedFlush.run();
            }
        } catch (RuntimeException e) {
            timedFailure = e;
        }
    }

    private void rethrowTimedFailure() {
        if (timedFailure != null) {
            RuntimeException e = timedFailure;
            timedFailure = null;
            throw e;
        }
    }

    /** Stops the timer; buffered rows stay where they are, objects not sealed are aborted. */
    @Override
    public void close() {
        if (timer != null) {
            timer.cancel(false);
        }
        synchronized (this) {
            byTable.values().forEach(batchers -> batchers.forEach(TableBatch::discard));
        }
    }
}
