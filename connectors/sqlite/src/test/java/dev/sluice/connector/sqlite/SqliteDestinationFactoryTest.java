package dev.sluice.connector.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.sluice.spi.ConfigException;
import dev.sluice.spi.ConnectorConfig;
import dev.sluice.spi.Destination;
import dev.sluice.spi.DestinationFactory;
import dev.sluice.spi.Spec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDestinationFactoryTest {
    @TempDir
    Path dir;

    private static Destination create(Map<String, ?> spec) {
        return new SqliteDestinationFactory().create(new ConnectorConfig("sqlite", new Spec(spec)));
    }

    @Test
    void isFoundByServiceLoaderAsSqlite() {
        assertThat(ServiceLoader.load(DestinationFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.name().equals("sqlite")).findFirst()).get().isInstanceOf(SqliteDestinationFactory.class);
    }

    @Test
    void anUnknownFieldIsRefusedByNameAndNothingIsCreated() throws Exception {
        Path file = dir.resolve("sub/db.sqlite");
        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> create(Map.of("connection_string", file.toString(), "conection_timeout", "5s")))
                .satisfies(e -> {
                    assertThat(e.field()).contains("conection_timeout");
                    assertThat(e.getMessage()).contains("conection_timeout").contains("connection_string");
                });
        assertThat(listing()).isEmpty();
    }

    @Test
    void aMissingConnectionStringIsRefusedByName() throws Exception {
        assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> create(Map.of()))
                .satisfies(e -> assertThat(e.field()).contains("connection_string"));
        assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> create(Map.of("connection_string", "  ")))
                .satisfies(e -> assertThat(e.field()).contains("connection_string"));
        assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> create(Map.of("connection_string", "file:?mode=rwc")))
                .satisfies(e -> assertThat(e.field()).contains("connection_string"));
        assertThat(listing()).isEmpty();
    }

    @Test
    void createDoesNoIoAndOpenCreatesTheDirectoryAndFile() throws Exception {
        Path file = dir.resolve("a/b/db.sqlite");
        Destination d = create(Map.of("connection_string", file.toString()));
        assertThat(listing()).isEmpty();
        d.open();
        try {
            assertThat(file).isRegularFile();
        } finally {
            d.close();
        }
    }

    @Test
    void acceptsPathsFileUrisAndMemory() {
        assertThat(parse("./db.sqlite")).contains(Path.of("./db.sqlite"));
        assertThat(parse("file:./db.sqlite?cache=shared&mode=rwc")).contains(Path.of("./db.sqlite"));
        assertThat(parse("file:///tmp/x/db.sqlite")).contains(Path.of("/tmp/x/db.sqlite"));
        assertThat(parse(":memory:")).isEmpty();
        assertThat(parse("file::memory:?cache=shared")).isEmpty();
        assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> parse("file://host/db.sqlite"))
                .satisfies(e -> assertThat(e.field()).contains("connection_string"));
    }

    @Test
    void aMemoryDatabaseWorks() {
        Destination d = create(Map.of("connection_string", ":memory:"));
        d.open();
        try {
            assertThat(d.stateStore("state")).get().satisfies(s -> assertThat(s.get("k")).isEmpty());
        } finally {
            d.close();
        }
    }

    private static Optional<Path> parse(String connectionString) {
        return SqliteConfig.parse(new Spec(Map.of("connection_string", connectionString))).file();
    }

    private Object[] listing() throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> !p.equals(dir)).toArray();
        }
    }
}
