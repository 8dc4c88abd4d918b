package dev.sluice.engine.config;

import dev.sluice.spi.MigrateMode;
import dev.sluice.spi.Spec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the {@code spec} map of a {@code kind: destination} document, with CloudQuery's rules and defaults. */
final class DestinationReader {
    private static final List<String> MIGRATE_MODES = List.of("safe", "forced");

    private DestinationReader() {
    }

    static Optional<DestinationSpec> read(Map<String, Object> values, Origin origin, List<Problem> problems, Declarations declared) {
        FieldReader f = new FieldReader(values, "spec", origin, problems);
        f.rejectUnknown(SpecFields.DESTINATION, SpecFields.DESTINATION_HINTS);
        Optional<String> name = f.requiredString("name", "");
        Optional<String> path = f.requiredString("path", name.map(n -> " (for example path: cloudquery/" + n + ")").orElse(""));
        String registry = Plugins.registry(f);
        String version = f.string("version").orElse("");
        boolean writeModeWritten = f.has("write_mode");
        Optional<WriteMode> writtenMode = f.choice("write_mode", "a write mode", WriteMode.configNames(), WriteMode::parse);
        WriteMode writeMode = writtenMode.orElse(WriteMode.OVERWRITE_DELETE_STALE);
        MigrateMode migrateMode = f.choice("migrate_mode", "a migrate mode", MIGRATE_MODES, DestinationReader::migrateMode)
                .orElse(MigrateMode.SAFE);
        PkMode pkMode = f.choice("pk_mode", "a pk mode", PkMode.configNames(), PkMode::parse).orElse(PkMode.DEFAULT);
        boolean sendSyncSummary = f.bool("send_sync_summary").orElse(false);
        Optional<String> syncGroupId = f.string("sync_group_id").filter(s -> !s.isEmpty());
        if (syncGroupId.isPresent() && writeMode == WriteMode.OVERWRITE_DELETE_STALE
                && (writtenMode.isPresent() || !writeModeWritten)) {
            f.problem("sync_group_id", "sync_group_id is not supported with write_mode: overwrite-delete-stale"
                    + (writeModeWritten ? "" : " (the default write_mode)") + "; set write_mode to append or overwrite");
        }
        f.strings("transformers").filter(t -> !t.isEmpty()).ifPresent(t ->
                f.problem("transformers", "transformer plugins are not supported by Sluice"));
        f.string("docker_registry_auth_token");
        Spec spec = new Spec(f.map("spec").orElse(Map.of()));

        if (name.isEmpty()) {
            declared.markIncomplete();
            return Optional.empty();
        }
        declared.destination(origin, name.get());
        if (f.failed()) {
            return Optional.empty();
        }
        return Optional.of(new DestinationSpec(origin, name.get(), path.orElseThrow(), registry, version, writeMode,
                migrateMode, pkMode, sendSyncSummary, syncGroupId, spec));
    }

    private static Optional<MigrateMode> migrateMode(String value) {
        return switch (value) {
            case "safe" -> Optional.of(MigrateMode.SAFE);
            case "forced" -> Optional.of(MigrateMode.FORCED);
            default -> Optional.empty();
        };
    }
}
