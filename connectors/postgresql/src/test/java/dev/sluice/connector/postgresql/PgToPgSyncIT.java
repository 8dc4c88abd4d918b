package dev.sluice.connector.postgresql;

import static dev.sluice.connector.postgresql.PgSyncHarness.count;
import static dev.sluice.connector.postgresql.PgSyncHarness.execute;
import static dev.sluice.connector.postgresql.PgSyncHarness.rows;
import static dev.sluice.connector.postgresql.PgSyncHarness.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.sync.SyncReport;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PostgreSQL → PostgreSQL through the engine, against the real server. */
class PgToPgSyncIT {
    /** Every type the source maps, with its extremes and nulls. */
    private static final String ALL_TYPES = """
            CREATE TABLE all_types (id bigint PRIMARY KEY, b boolean, i2 smallint, i4 integer, i8 bigint,
              f4 real, f8 double precision, u64 numeric(20,0), dec numeric(12,3), t text, v varchar(10),
              ch char(3), by bytea, ts timestamp, tz timestamptz, id_u uuid, j json, jb jsonb,
              ta text[], ia integer[], ba bigint[], d date, iv interval, ip inet, tags varchar[]);
            INSERT INTO all_types VALUES
              (1, true, -32768, -2147483648, -9223372036854775808, 1.5, -1.25e300, 18446744073709551615, -123456789.125,
               'quotes '' " \\ and ünïcödé 🚀', 'short', 'ab', '\\x00ff10'::bytea, '0001-01-01 00:00:00',
               '2024-02-29 12:34:56.123456+05:30', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"b": 1, "a": [1, 2]}',
               '{"nested": {"x": null}}', ARRAY['x', NULL, ''], ARRAY[1, NULL, -3], ARRAY[9223372036854775807],
               '2024-01-31', '1 day 02:03:04', '10.0.0.1/8', ARRAY['p', 'q']),
              (2, false, 32767, 2147483647, 9223372036854775807, 'NaN', 'Infinity', 0, 0, '', '', '', ''::bytea,
               '9999-12-31 23:59:59.999999', '1970-01-01 00:00:00+00', '00000000-0000-0000-0000-000000000000', '[]',
               '{}', '{}', '{}', '{}', '0001-01-01', '0', '::1', '{}'),
              (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
               NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
            """;
    /** The source's columns as text, as the destination stores them: each with its own type (varchar[] as text[]). */
    private static final String SOURCE_AS_STORED = "SELECT id, b, i2, i4, i8, f4, f8, u64, dec, t, v, ch, by, ts, tz, id_u,"
            + " j, jb, ta, ia, ba, d, iv, ip, tags::text[] FROM all_types ORDER BY id";
    private static final String DESTINATION = "SELECT id, b, i2, i4, i8, f4, f8, u64, dec, t, v, ch, by, ts, tz, id_u, j, jb,"
            + " ta, ia, ba, d, iv, ip, tags FROM all_types ORDER BY id";

    @TempDir
    Path dir;
    private PgSyncHarness h;

    @BeforeEach
    void databases() {
        h = new PgSyncHarness(dir);
    }

    @AfterEach
    void dropDatabases() {
        h.close();
    }

    @Test
    void everyTypeRoundTripsExactly() {
        execute(h.source, ALL_TYPES);
        SyncReport report = h.sync(h.config("", "overwrite-delete-stale"));
        assertThat(report.succeeded()).as("%s", report).isTrue();
        assertThat(rows(h.destination, DESTINATION)).isEqualTo(rows(h.source, SOURCE_AS_STORED));
        assertThat(rows(h.destination, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
                + " WHERE attrelid = 'all_types'::regclass AND attname IN ('u64', 'tz', 'jb', 'ia', 'by') ORDER BY attname"))
                .extracting(r -> r.get(0))
                .containsExactly("bytea", "integer[]", "jsonb", "timestamp with time zone", "numeric(20,0)");
    }

    @Test
    void incrementalRunFetchesOnlyNewAndChangedRows() {
        execute(h.source, "CREATE TABLE orders (id bigint PRIMARY KEY, amount integer, updated_at timestamptz NOT NULL)",
                "INSERT INTO orders SELECT g, g * 10, '2024-01-01'::timestamptz + g * interval '1 second'"
                        + " FROM generate_series(1, 1000) g",
                // ties: ten rows share one cursor value, so a page boundary falls inside them
                "UPDATE orders SET updated_at = '2024-01-01 00:10:00+00' WHERE id BETWEEN 500 AND 509");
        String config = h.config("page_size: 7\nincremental:\n  public.orders: updated_at", "overwrite-delete-stale");
        assertThat(table(h.sync(config), "orders").rows()).isEqualTo(1000);

        execute(h.source, "INSERT INTO orders SELECT g, g, '2025-01-01'::timestamptz FROM generate_series(1001, 1005) g",
                "UPDATE orders SET amount = -1, updated_at = '2025-01-02' WHERE id IN (3, 500, 777)");
        SyncReport second = h.sync(config);
        assertThat(second.succeeded()).isTrue();
        assertThat(table(second, "orders").rows()).as("rows the source served").isEqualTo(8);
        String all = "SELECT id, amount, updated_at FROM orders ORDER BY id";
        assertThat(rows(h.destination, "SELECT id, amount, updated_at FROM orders ORDER BY id")).isEqualTo(rows(h.source, all));

        assertThat(table(h.sync(config), "orders").rows()).as("nothing changed").isZero();
        assertThat(count(h.destination, "SELECT count(*) FROM orders")).isEqualTo(1005);
    }

    @Test
    void largeKeyedTablesSplitIntoKeyRangesAndUnkeyedTablesReadByBlocks() {
        execute(h.source, "CREATE TABLE big (id integer PRIMARY KEY, payload text)",
                "INSERT INTO big SELECT g, md5(g::text) FROM generate_series(-500, 2499) g",
                "CREATE TABLE heap (n integer, payload text)",
                "INSERT INTO heap SELECT g, md5(g::text) FROM generate_series(1, 3000) g",
                "ANALYZE big", "ANALYZE heap");
        String config = h.config("page_size: 100\nrows_per_partition: 1000", "overwrite-delete-stale");
        SyncReport report = h.sync(config);
        assertThat(report.succeeded()).as("%s", report).isTrue();
        try (var source = new dev.sluice.connector.postgresql.source.PgSource(
                dev.sluice.connector.postgresql.source.PgSourceConfig.parse(new dev.sluice.spi.Spec(java.util.Map.of(
                        "connection_string", h.source.url(), "rows_per_partition", 1000))))) {
            source.open();
            var big = source.tables().stream().filter(t -> t.name().equals("big")).findFirst().orElseThrow();
            assertThat(source.partitions(big)).containsExactly("..500", "500..1500", "1500..");
        }
        assertThat(rows(h.destination, "SELECT id, payload FROM big ORDER BY id"))
                .isEqualTo(rows(h.source, "SELECT id, payload FROM big ORDER BY id"));
        assertThat(rows(h.destination, "SELECT n, payload FROM heap ORDER BY n"))
                .isEqualTo(rows(h.source, "SELECT n, payload FROM heap ORDER BY n"));
    }

    @Test
    void appendTwiceDoublesTheRows() {
        execute(h.source, "CREATE TABLE events (id bigint PRIMARY KEY, what text)",
                "INSERT INTO events SELECT g, 'e' || g FROM generate_series(1, 1234) g");
        String config = h.config("page_size: 100", "append");
        h.sync(config);
        h.sync(config);
        assertThat(count(h.destination, "SELECT count(*) FROM events")).isEqualTo(2468);
        assertThat(count(h.destination, "SELECT count(DISTINCT (_cq_id, _cq_sync_time)) FROM events")).isEqualTo(2468);
    }
}
