package dev.sluice.engine.serverless;

import java.util.Objects;

/** How handling one work item message ended, and whether the queue should deliver it again. */
public record FetchResult(Kind kind, String detail) {
    public enum Kind {
        /** The item finished. */
        DONE,
        /** The time budget ran low: the continuation is on the queue. */
        CONTINUED,
        /** The item ended as failed: retrying cannot fix it (or it was the last delivery). */
        FAILED,
        /** A duplicate, stale or foreign message: nothing to do. */
        DROPPED,
        /** A transient failure: hand the message back to the queue. */
        RETRY
    }

    public FetchResult {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    public boolean redeliver() {
        return kind == Kind.RETRY;
    }
}
