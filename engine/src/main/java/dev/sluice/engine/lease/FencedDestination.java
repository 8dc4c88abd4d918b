package dev.sluice.engine.lease;

import dev.sluice.engine.connect.ForwardingDestination;
import dev.sluice.spi.Destination;
import dev.sluice.spi.ObjectWriter;
import dev.sluice.spi.TableSchema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A destination whose writes, delete-stale and object begins and seals first check the run's
 * {@link Fence}; the rest passes through.
 */
final class FencedDestination extends ForwardingDestination {
    private final Fence fence;

    FencedDestination(Destination inner, Fence fence) {
        super(inner);
        this.fence = fence;
    }

    @Override
    public void write(TableSchema table, List<Object[]> rows) {
        fence.check();
        super.write(table, rows);
    }

    @Override
    public Optional<ObjectWriter> objects() {
        return super.objects().map(writer -> new FencedObjects(writer, fence));
    }

    @Override
    public long deleteStale(TableSchema table, String sourceName, Instant syncTime) {
        fence.check();
        return super.deleteStale(table, sourceName, syncTime);
    }

    @Override
    public long deleteStale(TableSchema table, String sourceName, Instant syncTime, Map<String, Object> scope) {
        fence.check();
        return super.deleteStale(table, sourceName, syncTime, scope);
    }
}
