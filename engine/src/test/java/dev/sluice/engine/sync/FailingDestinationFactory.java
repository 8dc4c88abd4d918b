package dev.sluice.engine.sync;

import dev.sluice.spi.BatchLimits;
import dev.sluice.spi.ConnectorConfig;
import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.Destination;
import dev.sluice.spi.DestinationFactory;
import dev.sluice.spi.MigrateMode;
import dev.sluice.spi.StateStore;
import dev.sluice.spi.TableSchema;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a real destination factory; while {@link #failFromWrite} is set, every write to
 * {@link #table} from that write on (counting from 1) fails as a non-retryable error.
 */
final class FailingDestinationFactory implements DestinationFactory {
    private final DestinationFactory delegate;
    final String table;
    volatile int failFromWrite;
    final AtomicInteger writes = new AtomicInteger();

    FailingDestinationFactory(DestinationFactory delegate, String table) {
        this.delegate = delegate;
        this.table = table;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public Destination create(ConnectorConfig config) {
        Destination d = delegate.create(config);
        return new Destination() {
            @Override
            public void open() {
                d.open();
            }

            @Override
            public BatchLimits defaultBatchLimits() {
                return d.defaultBatchLimits();
            }

            @Override
            public void migrate(List<TableSchema> tables, MigrateMode mode) {
                d.migrate(tables, mode);
            }

            @Override
            public void write(TableSchema schema, List<Object[]> rows) {
                if (schema.name().equals(table) && writes.incrementAndGet() >= failFromWrite && failFromWrite > 0) {
                    throw new ConnectorException("injected write failure on " + table);
                }
                d.write(schema, rows);
            }

            @Override
            public long deleteStale(TableSchema schema, String sourceName, Instant syncTime) {
                return d.deleteStale(schema, sourceName, syncTime);
            }

            @Override
            public Optional<StateStore> stateStore(String tableName) {
                return d.stateStore(tableName);
            }

            @Override
            public List<Object[]> readAll(TableSchema schema) {
                return d.readAll(schema);
            }

            @Override
            public void close() {
                d.close();
            }
        };
    }
}
