package dev.sluice.connector.postgresql;

import static dev.sluice.connector.postgresql.PgSyncHarness.execute;
import static dev.sluice.connector.postgresql.PgSyncHarness.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.sync.SyncReport;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A column dropped at the source stays in the destination (as in CloudQuery) and is NULL in rows written after it went. */
class PgSchemaDriftIT {
    @TempDir
    Path dir;
    private PgSyncHarness h;

    @BeforeEach
    void databases() {
        h = new PgSyncHarness(dir);
        execute(h.source, "CREATE TABLE items (id bigint PRIMARY KEY, name text, legacy text)",
                "INSERT INTO items VALUES (1, 'one', 'old-1'), (2, 'two', 'old-2')");
    }

    @AfterEach
    void dropDatabases() {
        h.close();
    }

    @Test
    void aDroppedColumnIsNullInEveryRowWrittenAfterItWent() {
        String config = h.config("", "overwrite");
        assertThat(h.sync(config).succeeded()).isTrue();
        execute(h.source, "ALTER TABLE items DROP COLUMN legacy", "UPDATE items SET name = 'uno' WHERE id = 1",
                "INSERT INTO items VALUES (3, 'three')");
        SyncReport second = h.sync(config);
        assertThat(second.succeeded()).as("%s", second).isTrue();
        assertThat(rows(h.destination, "SELECT id, name, legacy FROM items ORDER BY id")).containsExactly(
                Arrays.asList("1", "uno", null), Arrays.asList("2", "two", null), Arrays.asList("3", "three", null));
    }
}
