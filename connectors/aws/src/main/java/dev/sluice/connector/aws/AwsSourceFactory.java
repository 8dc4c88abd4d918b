package dev.sluice.connector.aws;

import dev.sluice.spi.ConnectorConfig;
import dev.sluice.spi.Source;
import dev.sluice.spi.SourceFactory;

/** The built-in {@code aws} source ({@code path: cloudquery/aws}). */
public final class AwsSourceFactory implements SourceFactory {
    @Override
    public String name() {
        return "aws";
    }

    /** Parses the spec only; credentials and clients are made on the first fetch. */
    @Override
    public Source create(ConnectorConfig config) {
        return new AwsSource(AwsSourceConfig.parse(config.spec()));
    }
}
