package dev.sluice.engine.config;

import dev.sluice.spi.MigrateMode;
import dev.sluice.spi.Spec;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code kind: destination} document, with CloudQuery's defaults applied: {@code write_mode}
 * overwrite-delete-stale, {@code migrate_mode} safe, {@code pk_mode} default,
 * {@code send_sync_summary} false, {@code registry} cloudquery. {@code spec} keeps
 * {@code batch_size}, {@code batch_size_bytes}, {@code batch_timeout} and the connector's own
 * fields as written. {@code version} is "" when not written.
 */
public record DestinationSpec(Origin origin, String name, String path, String registry, String version,
                              WriteMode writeMode, MigrateMode migrateMode, PkMode pkMode,
                              boolean sendSyncSummary, Optional<String> syncGroupId, Spec spec) {
    public DestinationSpec {
        Objects.requireNonNull(origin, "origin");
        name = Require.text(name, "name");
        path = Require.text(path, "path");
        registry = Require.text(registry, "registry");
        version = Objects.requireNonNull(version, "version");
        Objects.requireNonNull(writeMode, "writeMode");
        Objects.requireNonNull(migrateMode, "migrateMode");
        Objects.requireNonNull(pkMode, "pkMode");
        Objects.requireNonNull(syncGroupId, "syncGroupId");
        Objects.requireNonNull(spec, "spec");
        if (syncGroupId.isPresent() && writeMode == WriteMode.OVERWRITE_DELETE_STALE) {
            throw new IllegalArgumentException("sync_group_id is not supported with write_mode overwrite-delete-stale");
        }
    }
}
