package dev.sluice.engine.sync;

import dev.sluice.engine.fetch.DestinationTarget;
import dev.sluice.engine.fetch.Retry;
import dev.sluice.spi.TableSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Migrates each destination once, with the tables of every selected source that writes to it (and the summaries table when asked). */
public final class Migrations {
    private Migrations() {
    }

    /** Returns how many tables were migrated, over all destinations. */
    public static int migrate(PreparedSync prepared, List<SelectedSource> selected,
                              Map<String, List<DestinationTarget>> targets, Retry retry) {
        int migrated = 0;
        for (PreparedDestination d : prepared.destinations()) {
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
            if (!schemas.isEmpty()) {
                retry.run("migration of " + d.name(),
                        () -> d.destination().migrate(List.copyOf(schemas.values()), d.spec().migrateMode()));
                migrated += schemas.size();
            }
        }
        return migrated;
    }
}
