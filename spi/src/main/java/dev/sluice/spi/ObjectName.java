package dev.sluice.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What names one object of an {@link ObjectWriter}: an id the engine derives from the sync and
 * the position of the object's first row (the same when a page is fetched and written again),
 * the sync's id and its sync time. A path template's {@code {{UUID}}} is {@code id},
 * {@code {{SYNC_ID}}} is {@code syncId}, and its time fields are {@code syncTime}'s (UTC), so
 * writing the same object twice gives the same key.
 *
 * @param first the object begins the table's rows of this sync: its work item reads the whole
 *              table (one partition) from the start and began no other object of the table. A
 *              destination that stores a table in one object of a fixed name can take only these.
 */
public record ObjectName(UUID id, String syncId, Instant syncTime, boolean first) {
    public ObjectName {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(syncId, "syncId");
        Objects.requireNonNull(syncTime, "syncTime");
    }
}
