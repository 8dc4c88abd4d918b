package dev.sluice.spi;

import java.util.Objects;

/**
 * What a connector factory receives: the name the user gave this connector in the config
 * (a config may hold two PostgreSQL destinations with different names) and its {@code spec}.
 */
public record ConnectorConfig(String name, Spec spec) {
    public ConnectorConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(spec, "spec");
    }
}
