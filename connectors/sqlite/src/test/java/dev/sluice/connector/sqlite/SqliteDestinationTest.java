package dev.sluice.connector.sqlite;

import dev.sluice.spi.Destination;
import dev.sluice.testkit.DestinationConformanceSuite;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/** The conformance suite against a database file in a temporary directory. */
class SqliteDestinationTest extends DestinationConformanceSuite {
    @TempDir
    Path dir;

    @Override
    protected Destination newDestination() {
        return new SqliteDestination(new SqliteConfig(Optional.of(dir.resolve("nested/dir/sluice.sqlite"))));
    }
}
