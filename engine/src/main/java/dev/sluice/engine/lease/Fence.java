package dev.sluice.engine.lease;

import dev.sluice.spi.Destination;
import dev.sluice.spi.StateStore;
import java.time.Duration;

/**
 * Writes of a local run go through its lease: a row batch, a delete-stale or a cursor commit is
 * refused ({@link LeaseLostException}) unless the lease is held with {@link #MARGIN} (or a
 * quarter of a shorter ttl) to spare, so
 * a process that was paused past its expiry (and may have been taken over) does not write
 * rows or move cursors on resuming. A pause that falls between the check and the database
 * applying the write is not covered; the margin makes that window a pause of at least
 * {@link #MARGIN} in the middle of one write.
 */
public final class Fence {
    /** Left of the lease's validity for a write to go ahead; renewals every third of the ttl keep far more. */
    public static final Duration MARGIN = Duration.ofSeconds(30);

    private final SourceLease lease;

    public Fence(SourceLease lease) {
        this.lease = lease;
    }

    void check() {
        Duration quarter = lease.ttl().dividedBy(4);
        if (!lease.heldFor(quarter.compareTo(MARGIN) < 0 ? quarter : MARGIN)) {
            throw new LeaseLostException(lease);
        }
    }

    public Destination guard(Destination destination) {
        return new FencedDestination(destination, this);
    }

    public StateStore guard(StateStore store) {
        return new FencedStateStore(store, this);
    }
}
