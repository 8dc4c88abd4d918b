package dev.sluice.engine.run;

/** Where a serverless run is: its items are running, its finalizer is at work, or it ended. */
public enum RunState {
    RUNNING, FINALIZING, SUCCEEDED, PARTIAL, FAILED;

    public boolean ended() {
        return this == SUCCEEDED || this == PARTIAL || this == FAILED;
    }
}
