package dev.sluice.connector.postgresql;

import dev.sluice.connector.postgresql.destination.PgDestination;
import dev.sluice.connector.postgresql.destination.PgDestinationConfig;
import dev.sluice.spi.ConnectorConfig;
import dev.sluice.spi.Destination;
import dev.sluice.spi.DestinationFactory;

/** The built-in {@code postgresql} destination ({@code path: cloudquery/postgresql}). */
public final class PgDestinationFactory implements DestinationFactory {
    @Override
    public String name() {
        return "postgresql";
    }

    /** Parses the spec only; {@link Destination#open()} connects. */
    @Override
    public Destination create(ConnectorConfig config) {
        return new PgDestination(PgDestinationConfig.parse(config.spec()));
    }
}
