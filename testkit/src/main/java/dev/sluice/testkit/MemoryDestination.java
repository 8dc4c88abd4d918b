package dev.sluice.testkit;

import dev.sluice.spi.Column;
import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.Destination;
import dev.sluice.spi.MigrateMode;
import dev.sluice.spi.StateStore;
import dev.sluice.spi.TableSchema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The in-memory reference destination: the SPI's semantics with nothing else in the way.
 * Thread-safe (one lock). Stricter than a database where that catches engine bugs: a write
 * must match the migrated table's column types and keys.
 *
 * <ul>
 *   <li>migrate: creates tables, adds nullable columns, drops a unique key the schema no longer
 *       has; any other change is breaking ({@link MemoryMigration}): SAFE throws before changing
 *       any table, FORCED drops and recreates the table;</li>
 *   <li>write, all or none: primary key → upsert (last of equal keys wins); else unique key →
 *       rows whose key is stored or earlier in the batch are skipped (a key with a null part
 *       never conflicts, as in SQL); else append;</li>
 *   <li>timestamps are kept to the microsecond, as the SPI specifies; NaN and infinities are kept.</li>
 * </ul>
 * Subclass it to inject failures in engine tests.
 */
public class MemoryDestination implements Destination {
    private final Object lock = new Object();
    private final Map<String, MemoryTable> tables = new LinkedHashMap<>();
    private final Map<String, MemoryStateStore> stateStores = new HashMap<>();

    @Override
    public void migrate(List<TableSchema> schemas, MigrateMode mode) {
        Objects.requireNonNull(mode, "mode");
        synchronized (lock) {
            Map<TableSchema, MemoryMigration> plans = new LinkedHashMap<>();
            for (TableSchema schema : schemas) {
                MemoryTable stored = tables.get(schema.name());
                if (stored == null) {
                    MemoryMigration.requireDistinctColumns(schema);
                    continue;
                }
                MemoryMigration plan = MemoryMigration.plan(stored, schema);
                if (plan.breaking().isPresent() && mode == MigrateMode.SAFE) {
                    throw plan.breaking().get(); // before any table changed
                }
                plans.put(schema, plan);
            }
            for (TableSchema schema : schemas) {
                MemoryMigration plan = plans.get(schema);
                if (plan == null || plan.breaking().isPresent()) {
                    tables.put(schema.name(), new MemoryTable(schema));
                    continue;
                }
                MemoryTable stored = tables.get(schema.name());
                plan.added().forEach(c -> stored.addColumn(c, false));
                if (plan.dropUniqueKey()) {
                    stored.dropUniqueKey();
                }
            }
        }
    }

    @Override
    public void write(TableSchema table, List<Object[]> rows) {
        Objects.requireNonNull(rows, "rows");
        synchronized (lock) {
            stored(table).write(table, rows);
        }
    }

    @Override
    public long deleteStale(TableSchema table, String sourceName, Instant syncTime) {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(syncTime, "syncTime");
        synchronized (lock) {
            return stored(table).deleteStale(sourceName, syncTime, List.of(), Map.of());
        }
    }

    @Override
    public long deleteStale(TableSchema table, String sourceName, Instant syncTime, Map<String, Object> scope) {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(syncTime, "syncTime");
        List<Column> columns = Destination.scopeColumns(table, scope);
        synchronized (lock) {
            return stored(table).deleteStale(sourceName, syncTime, columns, scope);
        }
    }

    @Override
    public Optional<StateStore> stateStore(String tableName) {
        Objects.requireNonNull(tableName, "tableName");
        synchronized (lock) {
            return Optional.of(stateStores.computeIfAbsent(tableName, n -> new MemoryStateStore()));
        }
    }

    @Override
    public List<Object[]> readAll(TableSchema table) {
        synchronized (lock) {
            return stored(table).readAll(table);
        }
    }

    /** Names of the stored tables, in creation order. */
    public Set<String> tableNames() {
        synchronized (lock) {
            return new LinkedHashSet<>(tables.keySet());
        }
    }

    /** The stored table as it is now (every column it has, its keys), if it exists. */
    public Optional<TableSchema> storedSchema(String tableName) {
        synchronized (lock) {
            return Optional.ofNullable(tables.get(tableName)).map(MemoryTable::schema);
        }
    }

    /** The stored rows of a table, aligned with {@link #storedSchema}; empty if there is no such table. */
    public List<Object[]> rows(String tableName) {
        synchronized (lock) {
            MemoryTable t = tables.get(tableName);
            return t == null ? new ArrayList<>() : t.readAll(t.schema());
        }
    }

    private MemoryTable stored(TableSchema table) {
        MemoryTable t = tables.get(table.name());
        if (t == null) {
            throw new ConnectorException("table \"" + table.name() + "\" does not exist (migrate first)");
        }
        return t;
    }
}
