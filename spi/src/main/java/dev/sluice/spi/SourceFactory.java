package dev.sluice.spi;

/**
 * Creates a {@link Source}; found with {@link java.util.ServiceLoader}. {@link #create} only
 * parses and validates the spec (throwing {@link ConfigException}); it does no I/O.
 */
public interface SourceFactory {
    /** The built-in name: {@code path: cloudquery/<name>} or {@code path: <name>} selects it. */
    String name();

    Source create(ConnectorConfig config);
}
