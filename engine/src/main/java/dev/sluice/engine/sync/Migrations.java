package dev.sluice.engine.sync;

import dev.sluice.engine.fetch.DestinationTarget;
import dev.sluice.engine.fetch.Retry;
import dev.sluice.spi.BreakingChangeException;
import dev.sluice.spi.TableSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Migrates each destination once, with the tables of every selected source that writes to it (and the summaries table when asked). */
public final class Migrations {
    private static final System.Logger LOG = System.getLogger(Migrations.class.getName());

    private Migrations() {
    }

    /** Returns how many tables were migrated, over all destinations; a refused breaking change throws. */
    public static int migrate(PreparedSync prepared, List<SelectedSource> selected,
                              Map<String, List<DestinationTarget>> targets, Retry retry) {
        int migrated = 0;
        for (PreparedDestination d : prepared.destinations()) {
            Map<String, TableSchema> schemas = schemas(d, selected, targets);
            if (!schemas.isEmpty()) {
                retry.run("migration of " + d.name(),
                        () -> d.destination().migrate(List.copyOf(schemas.values()), d.spec().migrateMode()));
                migrated += schemas.size();
            }
        }
        return migrated;
    }

    /**
     * Like {@link #migrate}, but a breaking change that {@code migrate_mode: safe} refuses fails
     * only its table: the destination's other tables are migrated one by one, and the refused
     * ones come back in the result, keyed by table name.
     */
    public static MigrationResult migrateEach(PreparedSync prepared, List<SelectedSource> selected,
                                              Map<String, List<DestinationTarget>> targets, Retry retry) {
        int migrated = 0;
        Map<String, String> refused = new LinkedHashMap<>();
        for (PreparedDestination d : prepared.destinations()) {
            Map<String, TableSchema> schemas = schemas(d, selected, targets);
            if (schemas.isEmpty()) {
                continue;
            }
            try {
                retry.run("migration of " + d.name(),
                        () -> d.destination().migrate(List.copyOf(schemas.values()), d.spec().migrateMode()));
                migrated += schemas.size();
                continue;
            } catch (BreakingChangeException e) {
                LOG.log(System.Logger.Level.DEBUG, "{0}: a breaking change was refused; migrating table by table", d.name());
            }
            for (TableSchema schema : schemas.values()) {
                try {
                    retry.run("migration of " + d.name() + "." + schema.name(),
                            () -> d.destination().migrate(List.of(schema), d.spec().migrateMode()));
                    migrated++;
                } catch (BreakingChangeException e) {
                    String message = "destination " + d.name() + ": " + e.getMessage();
                    LOG.log(System.Logger.Level.ERROR, "{0}", message);
                    refused.putIfAbsent(schema.name(), message);
                }
            }
        }
        return new MigrationResult(migrated, refused);
    }

    private static Map<String, TableSchema> schemas(PreparedDestination d, List<SelectedSource> selected,
                                                    Map<String, List<DestinationTarget>> targets) {
        Map<String, TableSchema> schemas = new LinkedHashMap<>();
        for (SelectedSource s : selected) {
            for (DestinationTarget t : targets.get(s.prepared().name())) {
                if (t.name().equals(d.name())) {
                    schemas.putAll(t.schemas());
                }
            }
        }
        if (d.spec().sendSyncSummary() && !schemas.isEmpty()) {
            schemas.put(SyncSummaries.TABLE, SyncSummaries.schema());
        }
        return schemas;
    }
}
