package dev.sluice.connector.sqlite;

import dev.sluice.spi.ConnectorConfig;
import dev.sluice.spi.Destination;
import dev.sluice.spi.DestinationFactory;

/** The built-in {@code sqlite} destination ({@code path: cloudquery/sqlite}). */
public final class SqliteDestinationFactory implements DestinationFactory {
    @Override
    public String name() {
        return "sqlite";
    }

    /** Parses the spec only; the file is created by {@link Destination#open()}. */
    @Override
    public Destination create(ConnectorConfig config) {
        return new SqliteDestination(SqliteConfig.parse(config.spec()));
    }
}
