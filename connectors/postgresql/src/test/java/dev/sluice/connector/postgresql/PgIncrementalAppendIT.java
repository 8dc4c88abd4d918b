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

/**
 * Append mode of an incremental table, PostgreSQL → PostgreSQL: a row version (its {@code _cq_id}
 * and cursor value) is stored once, even when a later sync fetches it again because the cursor
 * was not committed after its rows landed; a new version of a row is appended.
 */
class PgIncrementalAppendIT {
    @TempDir
    Path dir;
    private PgSyncHarness h;

    @BeforeEach
    void databases() {
        h = new PgSyncHarness(dir);
        execute(h.source, "CREATE TABLE orders (id bigint PRIMARY KEY, amount integer, updated_at timestamptz NOT NULL)",
                "CREATE INDEX ON orders (updated_at)",
                "INSERT INTO orders SELECT g, g * 10, '2024-01-01'::timestamptz + g * interval '1 second'"
                        + " FROM generate_series(1, 3000) g");
    }

    @AfterEach
    void dropDatabases() {
        h.close();
    }

    @Test
    void aRowVersionFetchedTwiceIsAppendedOnceAndANewVersionIsAppended() {
        String config = h.config("page_size: 250\nincremental:\n  public.orders: updated_at", "append");
        assertThat(h.sync(config).succeeded()).isTrue();
        assertThat(count(h.destination, "SELECT count(*) FROM orders")).isEqualTo(3000);

        // a crash after the rows landed and before the cursor moved: the cursor is where it was
        execute(h.destination, "DELETE FROM cq_state_pg WHERE key NOT LIKE 'sluice_lease:%'");
        SyncReport replay = h.sync(config);
        assertThat(replay.succeeded()).as("%s", replay).isTrue();
        assertThat(table(replay, "orders").rows()).as("rows the source served again").isEqualTo(3000);
        assertThat(count(h.destination, "SELECT count(*) FROM orders")).isEqualTo(3000);

        execute(h.source, "UPDATE orders SET amount = -1, updated_at = '2025-01-01' WHERE id IN (7, 1500)");
        assertThat(h.sync(config).succeeded()).isTrue();
        assertThat(count(h.destination, "SELECT count(*) FROM orders")).isEqualTo(3002);
        assertThat(rows(h.destination, "SELECT id, amount FROM orders WHERE id IN (7, 1500) ORDER BY id, updated_at"))
                .containsExactly(java.util.List.of("7", "70"), java.util.List.of("7", "-1"),
                        java.util.List.of("1500", "15000"), java.util.List.of("1500", "-1"));
        assertThat(count(h.destination, "SELECT count(DISTINCT (_cq_id, updated_at)) FROM orders")).isEqualTo(3002);
        // the same id always carries the same _cq_id
        assertThat(count(h.destination, "SELECT count(DISTINCT _cq_id) FROM orders")).isEqualTo(3000);
    }
}
