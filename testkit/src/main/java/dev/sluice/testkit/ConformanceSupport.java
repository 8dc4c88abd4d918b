package dev.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.spi.ColumnType;
import dev.sluice.spi.Destination;
import dev.sluice.spi.MigrateMode;
import dev.sluice.spi.TableSchema;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Lifecycle, hooks and helpers of {@link DestinationConformanceSuite}: a fresh destination per
 * test, opened before it and closed after it.
 */
public abstract class ConformanceSupport {
    /** The sync time most rows carry (with microseconds, as the engine's are). */
    protected static final Instant T0 = Instant.parse("2024-05-01T10:00:00.123456Z");
    protected static final Instant T1 = T0.plus(1, ChronoUnit.HOURS);
    protected static final String SOURCE = "source-a";
    protected static final String OTHER_SOURCE = "source-b";

    private Destination destination;

    /** A fresh, empty destination, not yet opened: the suite calls {@link Destination#open()}. */
    protected abstract Destination newDestination();

    /**
     * The text a JSON value is compared by, applied to written and read values alike. Default:
     * unchanged. A destination that stores JSON parsed (PostgreSQL's jsonb) returns a canonical form.
     */
    protected String normalizeJson(String json) {
        return json;
    }

    @BeforeEach
    final void openDestination() {
        destination = newDestination();
        destination.open();
    }

    @AfterEach
    final void closeDestination() {
        if (destination != null) {
            destination.close();
        }
    }

    /** The destination under test. */
    protected final Destination destination() {
        return destination;
    }

    protected final void migrate(TableSchema... tables) {
        destination.migrate(List.of(tables), MigrateMode.SAFE);
    }

    protected final void write(TableSchema table, Object[]... rows) {
        destination.write(table, Arrays.asList(rows));
    }

    /** A deterministic {@code _cq_id}. */
    protected static UUID id(int n) {
        return new UUID(0x5111ce_0000_0000L, n);
    }

    /** A row of {@code SOURCE} at {@link #T0} with {@code _cq_id} {@code id(n)}. */
    protected static Object[] row(int n, Object... values) {
        return CqSchema.row(T0, SOURCE, id(n), null, values);
    }

    /** An upsert table: {@code id} int64 primary key, {@code name} string. */
    protected static TableSchema upsertTable(String name) {
        return CqSchema.table(name).column("id", ColumnType.INT64).column("name", ColumnType.STRING)
                .primaryKey("id").build();
    }

    /** An append-mode table: unique on ({@code _cq_id}, {@code _cq_sync_time}), {@code name} string. */
    protected static TableSchema appendTable(String name) {
        return CqSchema.table(name).column("name", ColumnType.STRING).appendMode().build();
    }

    /** A table without keys: {@code name} string. */
    protected static TableSchema plainTable(String name) {
        return CqSchema.table(name).column("name", ColumnType.STRING).build();
    }

    /** Asserts the stored rows of {@code table} are exactly {@code expected}, in any order. */
    protected final void assertRows(TableSchema table, Object[]... expected) {
        assertRows(table, Arrays.asList(expected));
    }

    protected final void assertRows(TableSchema table, List<Object[]> expected) {
        List<List<Object>> actual = ComparableRows.of(table, destination.readAll(table), this::normalizeJson);
        assertThat(actual).as("rows of table \"%s\"", table.name())
                .containsExactlyInAnyOrderElementsOf(ComparableRows.of(table, expected, this::normalizeJson));
    }
}
