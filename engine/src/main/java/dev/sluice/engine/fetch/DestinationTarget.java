package dev.sluice.engine.fetch;

import dev.sluice.engine.config.WriteMode;
import dev.sluice.spi.BatchLimits;
import dev.sluice.spi.Destination;
import dev.sluice.spi.TableSchema;
import java.util.Map;
import java.util.Objects;

/**
 * A destination as one source's sync writes to it: its name in the config, the connector,
 * the write mode, the batch limits and the stored shape of every selected table.
 */
public record DestinationTarget(String name, Destination destination, WriteMode writeMode,
                                BatchLimits limits, Map<String, TableSchema> schemas) {
    public DestinationTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(writeMode, "writeMode");
        Objects.requireNonNull(limits, "limits");
        schemas = Map.copyOf(schemas);
    }

    public TableSchema schema(String table) {
        TableSchema s = schemas.get(table);
        if (s == null) {
            throw new IllegalStateException("no schema for table " + table + " in destination " + name);
        }
        return s;
    }
}
