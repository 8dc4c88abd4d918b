package dev.sluice.engine.fetch;

import dev.sluice.spi.BatchLimits;
import dev.sluice.spi.ObjectName;
import dev.sluice.spi.ObjectWriter;
import dev.sluice.spi.OpenObject;
import dev.sluice.spi.TableSchema;
import java.util.List;

/**
 * The rows of one table going to a destination of objects during one work item. An object
 * begins at a page, named after it ({@link ObjectNaming}), takes whole pages, and is sealed only
 * between pages: once it holds {@code batch_size} rows or {@code batch_size_bytes}, and when the
 * item flushes (it stops, ends, or commits a cursor). {@code batch_timeout} never ends an object:
 * where objects end must depend only on the pages, so that a replay of the same pages writes
 * objects of the same names and contents over the first ones instead of beside them. Memory is
 * the destination's (one part per open object), not the object's size.
 */
final class ObjectBatcher implements TableBatch {
    private static final System.Logger LOG = System.getLogger(ObjectBatcher.class.getName());

    private final String destinationName;
    private final ObjectWriter writer;
    private final TableSchema schema;
    private final BatchLimits limits;
    private final ObjectNaming naming;
    private OpenObject open;
    private ObjectName openName;
    private long rows;
    private long bytes;
    private long written;
    private boolean begun;
    private boolean failed;

    ObjectBatcher(String destinationName, ObjectWriter writer, TableSchema schema, BatchLimits limits, ObjectNaming naming) {
        this.destinationName = destinationName;
        this.writer = writer;
        this.schema = schema;
        this.limits = limits;
        this.naming = naming;
    }

    @Override
    public void add(List<Object[]> newRows, long newBytes, byte[] pageKey) {
        if (newRows.isEmpty()) {
            return;
        }
        try {
            if (open == null) {
                openName = naming.name(pageKey, !begun);
                open = writer.begin(schema, openName);
                begun = true;
            }
            open.append(newRows);
        } catch (RuntimeException e) {
            failed = true;
            discard();
            throw e;
        }
        rows += newRows.size();
        bytes += newBytes;
        if (rows >= limits.rows() || bytes >= limits.bytes()) {
            flush();
        }
    }

    /** Seals the open object; on failure it is aborted (by contract) and its rows are lost to this item. */
    @Override
    public void flush() {
        if (open == null) {
            return;
        }
        OpenObject sealing = open;
        open = null;
        try {
            sealing.seal();
        } catch (RuntimeException e) {
            failed = true;
            sealing.abort();
            throw e;
        }
        written += rows;
        rows = 0;
        bytes = 0;
    }

    /** False after a failure too: rows of an aborted object were never made durable. */
    @Override
    public boolean isEmpty() {
        return open == null && !failed;
    }

    @Override
    public boolean expired(long nowNanos) {
        return false;
    }

    @Override
    public boolean failed() {
        return failed;
    }

    @Override
    public long written() {
        return written;
    }

    @Override
    public String destinationName() {
        return destinationName;
    }

    @Override
    public void tableEnded() {
        if (!begun && !failed) {
            writer.emptyTable(schema, naming.first(schema.name()));
        }
    }

    @Override
    public void discard() {
        if (open == null) {
            return;
        }
        OpenObject aborting = open;
        open = null;
        rows = 0;
        bytes = 0;
        try {
            aborting.abort();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "abort of object {0} of table {1} in {2} failed: {3}",
                    openName.id(), schema.name(), destinationName, e.getMessage());
        }
    }
}
