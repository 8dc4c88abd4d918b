package dev.sluice.connector.test;

import dev.sluice.spi.ConnectorConfig;
import dev.sluice.spi.Source;
import dev.sluice.spi.SourceFactory;

/** The built-in {@code test} source ({@code path: cloudquery/test}). */
public final class TestSourceFactory implements SourceFactory {
    @Override
    public String name() {
        return "test";
    }

    @Override
    public Source create(ConnectorConfig config) {
        return new TestSource(TestSourceConfig.parse(config.spec()));
    }
}
