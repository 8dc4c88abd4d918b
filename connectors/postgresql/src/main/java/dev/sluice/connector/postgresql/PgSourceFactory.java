package dev.sluice.connector.postgresql;

import dev.sluice.connector.postgresql.source.PgSource;
import dev.sluice.connector.postgresql.source.PgSourceConfig;
import dev.sluice.spi.ConnectorConfig;
import dev.sluice.spi.Source;
import dev.sluice.spi.SourceFactory;

/** The built-in {@code postgresql} source ({@code path: cloudquery/postgresql}). */
public final class PgSourceFactory implements SourceFactory {
    @Override
    public String name() {
        return "postgresql";
    }

    /** Parses the spec only; {@link Source#open()} connects and discovers the tables. */
    @Override
    public Source create(ConnectorConfig config) {
        return new PgSource(PgSourceConfig.parse(config.spec()));
    }
}
