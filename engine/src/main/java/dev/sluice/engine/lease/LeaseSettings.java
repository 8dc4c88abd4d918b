package dev.sluice.engine.lease;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a local run holds its source's lease.
 *
 * @param ttl   a lease not renewed for this long is free; the holder renews it every third of it
 * @param maxWait  how long to wait for a lease another run holds before giving up (zero: give up at once)
 * @param clock the clock lease times are read from
 */
public record LeaseSettings(Duration ttl, Duration maxWait, Clock clock) {
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(2);

    public LeaseSettings {
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(clock, "clock");
        if (ttl.toMillis() < 300) {
            throw new IllegalArgumentException("a lease ttl must be at least 300 ms");
        }
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("a lease wait cannot be negative");
        }
    }

    public static LeaseSettings defaults() {
        return new LeaseSettings(DEFAULT_TTL, Duration.ZERO, Clock.systemUTC());
    }

    public LeaseSettings waitingUpTo(Duration value) {
        return new LeaseSettings(ttl, value, clock);
    }

    public LeaseSettings withTtl(Duration value) {
        return new LeaseSettings(value, maxWait, clock);
    }

    public Duration heartbeat() {
        return ttl.dividedBy(3);
    }
}
