package dev.sluice.spi;

import java.util.Optional;

/**
 * A connector's configuration is wrong. {@link #field()} names the offending field, relative
 * to the connector's {@code spec} (for example {@code "num_rows"}); the engine adds the file
 * and document it came from.
 */
public class ConfigException extends ConnectorException {
    private final String field;

    public ConfigException(String field, String message) {
        super(message);
        this.field = field;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
