package dev.sluice.connector.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.sluice.spi.ColumnType;
import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.MigrateMode;
import dev.sluice.spi.TableSchema;
import dev.sluice.spi.TransientException;
import dev.sluice.testkit.CqSchema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors say whether retrying can help. */
class SqliteBusyTest {
    private static final TableSchema TABLE = CqSchema.table("t").column("n", ColumnType.INT64).primaryKey("n").build();

    @TempDir
    Path dir;

    @Test
    void aDatabaseLockedByAnotherWriterIsTransient() throws Exception {
        Path file = dir.resolve("db.sqlite");
        try (SqliteDestination d = new SqliteDestination(new SqliteConfig(Optional.of(file)), Duration.ofMillis(200))) {
            d.open();
            d.migrate(List.of(TABLE), MigrateMode.SAFE);
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = other.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                assertThatExceptionOfType(TransientException.class).isThrownBy(() -> d.write(TABLE, List.<Object[]>of(row(1L))))
                        .satisfies(e -> assertThat(e.retryable()).isTrue())
                        .withMessageContaining("SQLITE_BUSY");
                s.execute("ROLLBACK");
            }
            d.write(TABLE, List.<Object[]>of(row(1L)));
            assertThat(d.readAll(TABLE)).hasSize(1);
        }
    }

    @Test
    void aConstraintFailureIsNotTransientAndNamesTheColumn() {
        TableSchema strict = CqSchema.table("strict").notNullColumn("must", ColumnType.STRING).build();
        try (SqliteDestination d = new SqliteDestination(new SqliteConfig(Optional.empty()))) {
            d.open();
            d.migrate(List.of(strict), MigrateMode.SAFE);
            assertThatExceptionOfType(ConnectorException.class).isThrownBy(() -> d.write(strict, List.<Object[]>of(row(null))))
                    .satisfies(e -> assertThat(e.retryable()).isFalse())
                    .withMessageContaining("strict.must");
        }
    }

    @Test
    void aNullPrimaryKeyIsRefusedRatherThanGenerated() {
        try (SqliteDestination d = new SqliteDestination(new SqliteConfig(Optional.empty()))) {
            d.open();
            d.migrate(List.of(TABLE), MigrateMode.SAFE);
            assertThatExceptionOfType(ConnectorException.class).isThrownBy(() -> d.write(TABLE, List.<Object[]>of(row(null))))
                    .withMessageContaining("\"n\"");
            assertThat(d.readAll(TABLE)).isEmpty();
        }
    }

    @Test
    void usingAClosedDestinationFailsClearly() {
        SqliteDestination d = new SqliteDestination(new SqliteConfig(Optional.empty()));
        assertThatExceptionOfType(ConnectorException.class).isThrownBy(() -> d.readAll(TABLE)).withMessageContaining("not open");
    }

    private static Object[] row(Object value) {
        return CqSchema.row(Instant.parse("2024-05-01T10:00:00Z"), "src", UUID.randomUUID(), null, value);
    }
}
