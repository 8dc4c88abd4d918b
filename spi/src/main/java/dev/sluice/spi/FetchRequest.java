package dev.sluice.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * One page to fetch.
 *
 * @param table       the table to read
 * @param partition   the partition id from {@link Source#partitions}; "" is the whole table
 * @param resumeToken where to continue; empty for the first page
 * @param cursor      for an incremental table, the stored cursor: fetch rows newer than it
 *                    (empty on the first sync)
 */
public record FetchRequest(Table table, String partition, Optional<String> resumeToken, Optional<String> cursor) {
    public FetchRequest {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(resumeToken, "resumeToken");
        Objects.requireNonNull(cursor, "cursor");
    }
}
