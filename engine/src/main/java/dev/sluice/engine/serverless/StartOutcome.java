package dev.sluice.engine.serverless;

import java.util.Optional;

/**
 * What starting one source's run did: started run {@code runId} with {@code items} work
 * items, or refused because run {@code activeRunId} of the source is still active.
 */
public record StartOutcome(String source, Optional<String> runId, Optional<String> activeRunId, int items) {
    public boolean started() {
        return runId.isPresent();
    }
}
