package dev.sluice.engine.sync;

import java.util.OptionalLong;

/** Hears about progress as it happens, for a live display. Calls come from worker threads. */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {
    };

    /**
     * A source's run starts with this many tables, children included, and, when its source can
     * estimate the row count of every one of them, the rows it expects to read.
     */
    default void runStarted(String source, int tables, OptionalLong estimatedRows) {
    }

    /** A page's rows (children included) were handed to the destinations. */
    default void rowsFetched(String source, long rows) {
    }

    /** A top-level table (all its work items) ended, and with it {@code tables} tables: itself and its children. */
    default void tableDone(String source, String table, int tables, boolean failed) {
    }
}
