package dev.sluice.engine.sync;

import dev.sluice.engine.fetch.Retry;
import dev.sluice.engine.lease.LeaseSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * How a local sync runs.
 *
 * @param noMigrate      skip migrations (tables must already exist)
 * @param stateDirectory where the embedded state store lives when no backend_options is set
 * @param lease          how each source's lease is held and how long to wait for one another run holds
 */
public record SyncOptions(boolean noMigrate, Path stateDirectory, Retry retry, ProgressListener progress, Clock clock,
                          LeaseSettings lease) {
    public SyncOptions {
        Objects.requireNonNull(stateDirectory, "stateDirectory");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(lease, "lease");
    }

    public static SyncOptions defaults() {
        return new SyncOptions(false, Path.of(".sluice"), Retry.standard(), ProgressListener.NONE, Clock.systemUTC(),
                LeaseSettings.defaults());
    }

    public SyncOptions withNoMigrate(boolean value) {
        return new SyncOptions(value, stateDirectory, retry, progress, clock, lease);
    }

    public SyncOptions withProgress(ProgressListener value) {
        return new SyncOptions(noMigrate, stateDirectory, retry, value, clock, lease);
    }

    public SyncOptions withStateDirectory(Path value) {
        return new SyncOptions(noMigrate, value, retry, progress, clock, lease);
    }

    public SyncOptions withRetry(Retry value) {
        return new SyncOptions(noMigrate, stateDirectory, value, progress, clock, lease);
    }

    public SyncOptions withLease(LeaseSettings value) {
        return new SyncOptions(noMigrate, stateDirectory, retry, progress, clock, value);
    }
}
