package dev.sluice.engine.fetch;

import java.util.List;

/**
 * Where the rows of one table go in one destination during one work item: a {@link Batcher}
 * for a destination of tables, an {@link ObjectBatcher} for one of objects. Not thread-safe:
 * {@link ItemBatches} serialises calls.
 */
interface TableBatch {

    /** Takes the rows of one page (whole pages only), identified by {@code pageKey}. */
    void add(List<Object[]> rows, long bytes, byte[] pageKey);

    /** Makes every row taken so far durable in the destination; on failure the error propagates. */
    void flush();

    /** Nothing is waiting to be made durable. */
    boolean isEmpty();

    /** True when rows wait and the first of them has waited {@code batch_timeout} or longer. */
    boolean expired(long nowNanos);

    /** A write failed after its retries. */
    boolean failed();

    /** Rows made durable. */
    long written();

    String destinationName();

    /** The item read its table from the start to the end: a batch that never saw a row may say so. */
    default void tableEnded() {
    }

    /** The item stops without flushing: discard what is not durable. Never throws. */
    default void discard() {
    }
}
