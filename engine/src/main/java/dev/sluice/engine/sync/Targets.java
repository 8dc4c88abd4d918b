package dev.sluice.engine.sync;

import dev.sluice.engine.fetch.DestinationTarget;
import dev.sluice.engine.schema.DestinationSchemas;
import dev.sluice.spi.Table;
import dev.sluice.spi.TableSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The destinations of a selected source, with the stored shape of each of its tables. */
public final class Targets {
    private Targets() {
    }

    /** Each selected source's targets, by source name, in config order. */
    public static Map<String, List<DestinationTarget>> bySource(List<SelectedSource> selected) {
        Map<String, List<DestinationTarget>> bySource = new LinkedHashMap<>();
        for (SelectedSource s : selected) {
            bySource.put(s.prepared().name(), of(s));
        }
        return bySource;
    }

    public static List<DestinationTarget> of(SelectedSource s) {
        List<DestinationTarget> targets = new ArrayList<>();
        for (PreparedDestination d : s.prepared().destinations()) {
            Map<String, TableSchema> schemas = new LinkedHashMap<>();
            for (Table top : s.tables()) {
                for (Table t : top.flatten()) {
                    schemas.put(t.name(), DestinationSchemas.of(t, d.spec().writeMode(), d.spec().pkMode()));
                }
            }
            targets.add(new DestinationTarget(d.name(), d.destination(), d.spec().writeMode(), d.limits(), schemas));
        }
        return targets;
    }
}
