package dev.sluice.engine.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * A unit of work, never a row: one partition of one top-level table (its child tables come
 * along), from a resume token. {@code sequence} counts continuations of the same item, so a
 * stale or duplicate message can be recognised.
 */
public record WorkItem(String runId, String sourceName, String table, String partition,
                       Optional<String> resumeToken, long sequence) {
    public WorkItem {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(resumeToken, "resumeToken");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must be >= 0");
        }
    }

    /** The same item, continuing from {@code token}. */
    public WorkItem continueFrom(String token) {
        return new WorkItem(runId, sourceName, table, partition, Optional.of(token), sequence + 1);
    }

    /** Identifies the item across its continuations: table and partition. */
    public String key() {
        return partition.isEmpty() ? table : table + "#" + partition;
    }
}
