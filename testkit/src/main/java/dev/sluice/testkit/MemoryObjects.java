package dev.sluice.testkit;

import dev.sluice.spi.ConnectorConfig;
import dev.sluice.spi.Destination;
import dev.sluice.spi.DestinationFactory;
import dev.sluice.spi.MigrateMode;
import dev.sluice.spi.ObjectName;
import dev.sluice.spi.ObjectWriter;
import dev.sluice.spi.OpenObject;
import dev.sluice.spi.TableSchema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The reference destination of objects: each sealed object is a list of rows kept under
 * (table, object id); sealing an id again replaces the object, as a file or S3 key would be.
 * Counts begun, sealed and aborted objects, and objects still open, for tests of the engine's
 * object mechanics. Thread-safe.
 */
public final class MemoryObjects implements Destination, ObjectWriter {
    /** A sealed object: its table, name and rows. */
    public record Stored(String table, ObjectName name, List<Object[]> rows) {
    }

    private final Map<String, Stored> objects = new ConcurrentHashMap<>();
    private final Set<OpenObject> open = ConcurrentHashMap.newKeySet();
    private final boolean emptyObjects;
    public final AtomicInteger begun = new AtomicInteger();
    public final AtomicInteger sealed = new AtomicInteger();
    public final AtomicInteger aborted = new AtomicInteger();

    /** @param emptyObjects whether a table read without rows gets an empty object */
    public MemoryObjects(boolean emptyObjects) {
        this.emptyObjects = emptyObjects;
    }

    /** A factory named {@code name} that always gives {@code destination}. */
    public static DestinationFactory factory(String name, MemoryObjects destination) {
        return new DestinationFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Destination create(ConnectorConfig config) {
                return destination;
            }
        };
    }

    @Override
    public java.util.Optional<ObjectWriter> objects() {
        return java.util.Optional.of(this);
    }

    @Override
    public void migrate(List<TableSchema> tables, MigrateMode mode) {
    }

    @Override
    public void write(TableSchema table, List<Object[]> rows) {
        throw new UnsupportedOperationException("a destination of objects is written through objects()");
    }

    @Override
    public long deleteStale(TableSchema table, String sourceName, Instant syncTime) {
        throw new UnsupportedOperationException("a destination of objects never deletes rows");
    }

    @Override
    public OpenObject begin(TableSchema table, ObjectName name) {
        begun.incrementAndGet();
        List<Object[]> rows = new ArrayList<>();
        OpenObject object = new OpenObject() {
            @Override
            public void append(List<Object[]> more) {
                rows.addAll(more);
            }

            @Override
            public void seal() {
                open.remove(this);
                objects.put(key(table.name(), name.id()), new Stored(table.name(), name, List.copyOf(rows)));
                sealed.incrementAndGet();
            }

            @Override
            public void abort() {
                if (open.remove(this)) {
                    aborted.incrementAndGet();
                }
            }
        };
        open.add(object);
        return object;
    }

    @Override
    public void emptyTable(TableSchema table, ObjectName name) {
        if (emptyObjects) {
            objects.put(key(table.name(), name.id()), new Stored(table.name(), name, List.of()));
        }
    }

    /** The sealed objects of {@code table}, by id. */
    public Map<UUID, Stored> objectsOf(String table) {
        Map<UUID, Stored> of = new LinkedHashMap<>();
        objects.values().stream().filter(s -> s.table().equals(table)).forEach(s -> of.put(s.name().id(), s));
        return of;
    }

    /** Every row of every sealed object of {@code table}. */
    public List<Object[]> rowsOf(String table) {
        List<Object[]> rows = new ArrayList<>();
        objectsOf(table).values().forEach(s -> rows.addAll(s.rows()));
        return rows;
    }

    /** Objects begun and neither sealed nor aborted. */
    public int openObjects() {
        return open.size();
    }

    private static String key(String table, UUID id) {
        return table + "/" + id;
    }
}
