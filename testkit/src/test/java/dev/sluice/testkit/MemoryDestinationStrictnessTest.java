package dev.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.sluice.spi.ColumnType;
import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.MigrateMode;
import dev.sluice.spi.TableSchema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Where the reference destination is stricter than a database, to catch engine bugs early. */
class MemoryDestinationStrictnessTest {
    private static final Instant T = Instant.parse("2024-05-01T10:00:00.123456789Z");
    private final MemoryDestination d = new MemoryDestination();
    private final TableSchema items = CqSchema.table("items").column("id", ColumnType.INT64).primaryKey("id").build();

    private static List<Object[]> rows(Object[]... rows) {
        return Arrays.asList(rows);
    }

    @Test
    void writingBeforeMigratingFails() {
        assertThatExceptionOfType(ConnectorException.class)
                .isThrownBy(() -> d.write(items, rows(CqSchema.row(T, "s", UUID.randomUUID(), null, 1L))))
                .withMessageContaining("migrate first");
    }

    @Test
    void aValueOfTheWrongTypeFailsTheWholeBatch() {
        d.migrate(List.of(items), MigrateMode.SAFE);
        assertThatExceptionOfType(ConnectorException.class).isThrownBy(() -> d.write(items, rows(
                        CqSchema.row(T, "s", UUID.randomUUID(), null, 1L),
                        CqSchema.row(T, "s", UUID.randomUUID(), null, 2))))
                .withMessageContaining("\"id\"")
                .withMessageContaining("an int64 value cannot be a value of a kind Sluice has no type for");
        assertThat(d.rows("items")).isEmpty();
    }

    @Test
    void writesWithOtherKeysThanTheTableFail() {
        d.migrate(List.of(items), MigrateMode.SAFE);
        TableSchema appendView = CqSchema.table("items").column("id", ColumnType.INT64).appendMode().build();
        assertThatExceptionOfType(ConnectorException.class)
                .isThrownBy(() -> d.write(appendView, rows(CqSchema.row(T, "s", UUID.randomUUID(), null, 1L))))
                .withMessageContaining("keys");
    }

    @Test
    void timestampsAreKeptToTheMicrosecondAndValuesAreCopied() {
        d.migrate(List.of(items), MigrateMode.SAFE);
        TableSchema withList = CqSchema.table("lists").column("tags", ColumnType.STRING_LIST).build();
        d.migrate(List.of(withList), MigrateMode.SAFE);
        List<String> tags = new ArrayList<>(List.of("a"));
        d.write(withList, rows(CqSchema.row(T, "s", UUID.randomUUID(), null, tags)));
        tags.add("changed later");
        Object[] stored = d.readAll(withList).get(0);
        assertThat(stored[0]).isEqualTo(Instant.parse("2024-05-01T10:00:00.123456Z"));
        assertThat(stored[4]).isEqualTo(List.of("a"));
        assertThat(d.tableNames()).containsExactly("items", "lists");
        assertThat(d.storedSchema("lists").orElseThrow().columns()).hasSize(5);
    }

    @Test
    void deleteStaleComparesAtMicrosecondPrecision() {
        d.migrate(List.of(items), MigrateMode.SAFE);
        d.write(items, rows(CqSchema.row(T, "s", UUID.randomUUID(), null, 1L)));
        assertThat(d.deleteStale(items, "s", T)).as("the row carries the same sync time, truncated").isZero();
    }
}
