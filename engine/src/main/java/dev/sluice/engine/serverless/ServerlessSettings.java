package dev.sluice.engine.serverless;

import dev.sluice.engine.fetch.Retry;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How the serverless flow paces itself, and how that relates to the work queue. Checked when
 * built, so inconsistent timeouts fail the function's start with a message naming them
 * instead of failing tables at run time.
 *
 * @param stall        a run whose items make no progress for this long, beyond the last
 *                     moment any of its claimed messages can come back, is closed by the sweeper
 * @param timeMargin   a fetch stops after the page during which the invocation's remaining
 *                     time fell below this, and continues in a new message
 * @param maxReceives  the work queue's maxReceiveCount: on the last delivery a transient
 *                     failure ends the item as failed instead of handing it back
 * @param fetchTimeout the fetch function's timeout: no invocation holds a message longer
 * @param visibility   the work queue's visibility timeout: a message whose invocation died
 *                     comes back this long after it was received
 */
public record ServerlessSettings(Duration stall, Duration timeMargin, int maxReceives, Retry retry, Clock clock,
                                 Duration fetchTimeout, Duration visibility) {
    /** The longest a handed-back message waits (the fetch function's backoff's cap). */
    public static final Duration MAX_HAND_BACK = Duration.ofMinutes(15);

    public ServerlessSettings {
        Objects.requireNonNull(stall, "stall");
        Objects.requireNonNull(timeMargin, "timeMargin");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(fetchTimeout, "fetchTimeout");
        Objects.requireNonNull(visibility, "visibility");
        if (maxReceives < 1) {
            throw new IllegalArgumentException("maxReceives must be >= 1");
        }
        if (stall.isZero() || stall.isNegative()) {
            throw new IllegalArgumentException("StallMinutes must be positive, got " + stall);
        }
        if (timeMargin.isNegative() || timeMargin.compareTo(fetchTimeout) >= 0) {
            throw new IllegalArgumentException("TimeMarginSeconds (" + timeMargin.toSeconds() + " s) must be less than the fetch"
                    + " function's timeout (" + fetchTimeout.toSeconds() + " s): otherwise every message is handed back at once");
        }
        if (visibility.compareTo(fetchTimeout) < 0) {
            throw new IllegalArgumentException("the work queue's visibility timeout (" + visibility.toSeconds() + " s) must be at"
                    + " least the fetch function's timeout (" + fetchTimeout.toSeconds() + " s): otherwise a message comes back"
                    + " while its invocation still runs");
        }
    }

    public ServerlessSettings(Duration stall, Duration timeMargin, int maxReceives, Retry retry, Clock clock) {
        this(stall, timeMargin, maxReceives, retry, clock, Duration.ofMinutes(15), Duration.ofMinutes(90));
    }

    /**
     * StallMinutes 30, margin 60 s, 5 receives, a 15-minute fetch on a 90-minute visibility
     * timeout: template.yaml's queue times; its StallMinutes default is longer (120), as its
     * rules require for a 15-minute fetch, and reaches the functions through the environment.
     */
    public static ServerlessSettings defaults() {
        return new ServerlessSettings(Duration.ofMinutes(30), Duration.ofSeconds(60), 5, Retry.standard(), Clock.systemUTC());
    }

    /**
     * The last moment a message claimed now can come back if its invocation dies, or is
     * handed back, plus the stall: the run's deadline is never earlier while the claim lasts.
     */
    public Duration claimLife() {
        Duration handedBack = fetchTimeout.plus(MAX_HAND_BACK);
        return (visibility.compareTo(handedBack) > 0 ? visibility : handedBack).plus(stall);
    }

    /**
     * How long a continuation is reserved for its own delivery: a stale copy of the message
     * before it, arriving meanwhile, does not send it again. Shorter than the stall when the
     * stall is long: a copy of an invocation that died after recording the continuation and
     * before sending it comes back after the visibility timeout, at the earliest the visibility
     * timeout minus one fetch after the continuation was recorded, and must then find the
     * reservation over so that it sends the continuation (a continuation sent twice is harmless:
     * its sequence lets one delivery through).
     */
    public Duration continuationReserve() {
        Duration beforeACopy = visibility.minus(fetchTimeout).minus(Duration.ofMinutes(1));
        Duration reserve = beforeACopy.compareTo(stall) < 0 ? beforeACopy : stall;
        return reserve.isNegative() ? Duration.ZERO : reserve;
    }

    public ServerlessSettings withTimeMargin(Duration value) {
        return new ServerlessSettings(stall, value, maxReceives, retry, clock, fetchTimeout, visibility);
    }

    public ServerlessSettings withStall(Duration value) {
        return new ServerlessSettings(value, timeMargin, maxReceives, retry, clock, fetchTimeout, visibility);
    }

    public ServerlessSettings withMaxReceives(int value) {
        return new ServerlessSettings(stall, timeMargin, value, retry, clock, fetchTimeout, visibility);
    }

    public ServerlessSettings withRetry(Retry value) {
        return new ServerlessSettings(stall, timeMargin, maxReceives, value, clock, fetchTimeout, visibility);
    }

    public ServerlessSettings withClock(Clock value) {
        return new ServerlessSettings(stall, timeMargin, maxReceives, retry, value, fetchTimeout, visibility);
    }

    /** The fetch function's timeout and the work queue's visibility timeout, checked together. */
    public ServerlessSettings withQueueTimes(Duration fetch, Duration queueVisibility) {
        return new ServerlessSettings(stall, timeMargin, maxReceives, retry, clock, fetch, queueVisibility);
    }
}
