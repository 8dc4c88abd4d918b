package dev.sluice.engine.sync;

import dev.sluice.engine.connect.ForwardingDestination;
import dev.sluice.spi.ConnectorConfig;
import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.Destination;
import dev.sluice.spi.DestinationFactory;
import dev.sluice.spi.TableSchema;
import java.util.List;
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
        return new ForwardingDestination(delegate.create(config)) {
            @Override
            public void write(TableSchema schema, List<Object[]> rows) {
                if (schema.name().equals(table) && writes.incrementAndGet() >= failFromWrite && failFromWrite > 0) {
                    throw new ConnectorException("injected write failure on " + table);
                }
                super.write(schema, rows);
            }
        };
    }
}
