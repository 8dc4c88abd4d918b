package dev.sluice.engine.serverless;

import dev.sluice.engine.fetch.Retry;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How the serverless flow paces itself.
 *
 * @param stall       a run whose items make no progress for this long is closed by the sweeper
 * @param timeMargin  a fetch stops after the page during which the invocation's remaining
 *                    time fell below this, and continues in a new message
 * @param maxReceives the work queue's maxReceiveCount: on the last delivery a transient
 *                    failure ends the item as failed instead of handing it back
 */
public record ServerlessSettings(Duration stall, Duration timeMargin, int maxReceives, Retry retry, Clock clock) {
    public ServerlessSettings {
        Objects.requireNonNull(stall, "stall");
        Objects.requireNonNull(timeMargin, "timeMargin");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(clock, "clock");
        if (maxReceives < 1) {
            throw new IllegalArgumentException("maxReceives must be >= 1");
        }
    }

    public static ServerlessSettings defaults() {
        return new ServerlessSettings(Duration.ofMinutes(30), Duration.ofSeconds(60), 5, Retry.standard(), Clock.systemUTC());
    }

    public ServerlessSettings withTimeMargin(Duration value) {
        return new ServerlessSettings(stall, value, maxReceives, retry, clock);
    }

    public ServerlessSettings withStall(Duration value) {
        return new ServerlessSettings(value, timeMargin, maxReceives, retry, clock);
    }

    public ServerlessSettings withMaxReceives(int value) {
        return new ServerlessSettings(stall, timeMargin, value, retry, clock);
    }

    public ServerlessSettings withRetry(Retry value) {
        return new ServerlessSettings(stall, timeMargin, maxReceives, value, clock);
    }

    public ServerlessSettings withClock(Clock value) {
        return new ServerlessSettings(stall, timeMargin, maxReceives, retry, value);
    }
}
