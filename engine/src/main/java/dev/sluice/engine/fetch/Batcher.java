package dev.sluice.engine.fetch;

import dev.sluice.spi.TableSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of one table waiting to be written to one destination. Flushes when the batch
 * reaches {@code batch_size} rows or {@code batch_size_bytes}, or when its first row is older
 * than {@code batch_timeout} (checked as rows arrive, and by {@link BatchTimer} while none do);
 * {@link #flush()} writes the rest. Not thread-safe: {@link ItemBatches} serialises calls. Memory
 * held is bounded by the limits (plus one page).
 */
final class Batcher implements TableBatch {
    private final DestinationTarget target;
    private final TableSchema schema;
    private final Retry retry;
    private List<Object[]> rows = new ArrayList<>();
    private long bytes;
    private long firstRowNanos;
    private long written;
    private boolean failed;

    Batcher(DestinationTarget target, TableSchema schema, Retry retry) {
        this.target = target;
        this.schema = schema;
        this.retry = retry;
    }

    @Override
    public void add(List<Object[]> newRows, long newBytes, byte[] pageKey) {
        if (newRows.isEmpty()) {
            return;
        }
        if (rows.isEmpty()) {
            firstRowNanos = System.nanoTime();
        }
        long perRow = Math.max(1, newBytes / newRows.size());
        for (Object[] row : newRows) {
            rows.add(row);
            bytes += perRow;
            if (rows.size() >= target.limits().rows() || bytes >= target.limits().bytes()) {
                flush();
            }
        }
        if (!rows.isEmpty() && System.nanoTime() - firstRowNanos >= target.limits().timeout().toNanos()) {
            flush();
        }
    }

    /** Writes what is buffered; on failure the rows stay buffered and the error propagates. */
    @Override
    public void flush() {
        if (rows.isEmpty()) {
            return;
        }
        List<Object[]> batch = rows;
        try {
            retry.run("write of " + batch.size() + " rows to " + target.name() + "." + schema.name(),
                    () -> target.destination().write(schema, batch));
        } catch (RuntimeException e) {
            failed = true;
            throw e;
        }
        written += batch.size();
        rows = new ArrayList<>(Math.min(batch.size(), target.limits().rows()));
        bytes = 0;
    }

    /** A write failed after its retries (the rows are still buffered). */
    @Override
    public boolean failed() {
        return failed;
    }

    @Override
    public boolean expired(long nowNanos) {
        return !rows.isEmpty() && nowNanos - firstRowNanos >= target.limits().timeout().toNanos();
    }

    @Override
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    @Override
    public long written() {
        return written;
    }

    @Override
    public String destinationName() {
        return target.name();
    }
}
