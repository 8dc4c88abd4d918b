package dev.sluice.engine.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A source's {@code backend_options}: where its incremental cursors live. {@code connection}
 * is CloudQuery's {@code @@plugins.NAME.connection} (the connection of destination NAME) or,
 * in CloudQuery, a gRPC address.
 */
public record BackendOptions(String tableName, String connection) {
    private static final Pattern PLUGIN_REFERENCE = Pattern.compile("@@plugins\\.(.+)\\.connection");

    public BackendOptions {
        if (tableName == null || tableName.isBlank()) {
            throw new IllegalArgumentException("backend_options.table_name is required");
        }
        if (connection == null || connection.isBlank()) {
            throw new IllegalArgumentException("backend_options.connection is required");
        }
    }

    /** NAME from {@code @@plugins.NAME.connection}, or empty when the connection is written another way. */
    public Optional<String> referencedDestination() {
        Matcher m = PLUGIN_REFERENCE.matcher(connection.trim());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    @Override
    public String toString() {
        return "BackendOptions[tableName=" + tableName + ", connection="
                + referencedDestination().map(n -> "@@plugins." + n + ".connection").orElse("(not a plugin reference)") + "]";
    }
}
