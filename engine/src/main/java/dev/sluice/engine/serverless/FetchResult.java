package dev.sluice.engine.serverless;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How handling one work item message ended, and whether the queue should deliver it again.
 *
 * @param comeBackAfter for {@link Kind#RETRY}: when the message should come back, if the
 *                      handler knows (a duplicate held by another handler: when that hold
 *                      ends); empty for the queue handler's own backoff
 */
public record FetchResult(Kind kind, String detail, Optional<Duration> comeBackAfter) {
    public enum Kind {
        /** The item finished. */
        DONE,
        /** The time budget ran low: the continuation is on the queue. */
        CONTINUED,
        /** The item ended as failed: retrying cannot fix it (or it was the last delivery). */
        FAILED,
        /** A stale or foreign message, or a duplicate on its last delivery: nothing to do. */
        DROPPED,
        /** A transient failure, or a duplicate another handler holds: hand the message back to the queue. */
        RETRY
    }

    public FetchResult {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(comeBackAfter, "comeBackAfter");
    }

    public FetchResult(Kind kind, String detail) {
        this(kind, detail, Optional.empty());
    }

    public boolean redeliver() {
        return kind == Kind.RETRY;
    }
}
