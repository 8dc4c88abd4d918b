package dev.sluice.engine.run;

import java.util.Optional;

/** A run started, or the source already has an active one (its id). */
public record StartResult(boolean started, Optional<String> activeRunId) {
    public static StartResult ok() {
        return new StartResult(true, Optional.empty());
    }

    public static StartResult refused(String activeRunId) {
        return new StartResult(false, Optional.of(activeRunId));
    }
}
