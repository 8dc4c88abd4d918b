package dev.sluice.engine.sync;

/** How a run ended: every table synced, some failed, or none synced. */
public enum RunStatus {
    SUCCEEDED, PARTIAL, FAILED;

    static RunStatus of(long failedTables, long allTables) {
        if (failedTables == 0) {
            return SUCCEEDED;
        }
        return failedTables < allTables ? PARTIAL : FAILED;
    }
}
