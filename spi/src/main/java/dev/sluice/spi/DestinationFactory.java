package dev.sluice.spi;

/**
 * Creates a {@link Destination}; found with {@link java.util.ServiceLoader}. {@link #create}
 * only parses and validates the spec (throwing {@link ConfigException}); it does no I/O, so a
 * bad config changes nothing.
 */
public interface DestinationFactory {
    /** The built-in name: {@code path: cloudquery/<name>} or {@code path: <name>} selects it. */
    String name();

    Destination create(ConnectorConfig config);
}
