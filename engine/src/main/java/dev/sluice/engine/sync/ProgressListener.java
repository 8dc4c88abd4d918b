package dev.sluice.engine.sync;

/** Hears about progress as it happens, for a live display. Calls come from worker threads. */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {
    };

    /** A source's run starts with this many top-level tables. */
    default void runStarted(String source, int tables) {
    }

    /** A page's rows (children included) were handed to the destinations. */
    default void rowsFetched(String source, long rows) {
    }

    /** A top-level table (all its work items) ended. */
    default void tableDone(String source, String table, boolean failed) {
    }
}
