package dev.sluice.testkit;

import dev.sluice.spi.Destination;
import dev.sluice.spi.TableSchema;
import java.util.List;
import java.util.UUID;

/** The reference destination of objects passes the object conformance tests. */
class MemoryObjectsConformanceTest extends ObjectConformance {
    private MemoryObjects objects;

    @Override
    protected Destination newDestination() {
        objects = new MemoryObjects(false);
        return objects;
    }

    @Override
    protected List<UUID> storedIds(TableSchema table) {
        return objects.rowsOf(table.name()).stream().map(r -> (UUID) r[2]).toList();
    }
}
