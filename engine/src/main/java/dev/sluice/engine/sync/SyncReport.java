package dev.sluice.engine.sync;

import java.util.List;

/** The outcome of a whole {@code sluice sync}: one report per source. */
public record SyncReport(List<SourceReport> sources) {
    public SyncReport {
        sources = List.copyOf(sources);
    }

    public boolean succeeded() {
        return sources.stream().allMatch(s -> s.status() == RunStatus.SUCCEEDED);
    }
}
