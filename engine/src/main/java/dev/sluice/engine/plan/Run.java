package dev.sluice.engine.plan;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * One sync of one source: the planner fixes its id and {@code _cq_sync_time}; every row of
 * the run carries them and the source's name.
 */
public record Run(String id, String sourceName, Instant syncTime) {
    public Run {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(syncTime, "syncTime");
        syncTime = syncTime.truncatedTo(ChronoUnit.MICROS);
    }

    public static Run start(String sourceName, Instant now) {
        return new Run(UUID.randomUUID().toString(), sourceName, now);
    }
}
