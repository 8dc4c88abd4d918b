package dev.sluice.files;

import dev.sluice.spi.ConnectorConfig;
import dev.sluice.spi.Destination;
import dev.sluice.spi.Spec;
import dev.sluice.spi.TableSchema;
import dev.sluice.testkit.ObjectConformance;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;

/** The file destination in one format passes the object conformance tests; DuckDB reads what it wrote. */
abstract class LocalObjectConformance extends ObjectConformance {
    @TempDir
    Path dir;

    abstract String format();

    @Override
    protected Destination newDestination() {
        return new FileDestinationFactory().create(new ConnectorConfig("file", new Spec(Map.of(
                "path", dir + "/{{TABLE}}/{{UUID}}.{{FORMAT}}", "format", format()))));
    }

    @Override
    protected List<UUID> storedIds(TableSchema table) {
        return ObjectReader.ids(dir.resolve(table.name()), format());
    }
}
