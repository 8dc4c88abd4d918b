package dev.sluice.connector.postgresql;

import static dev.sluice.connector.postgresql.PgSyncHarness.execute;
import static dev.sluice.connector.postgresql.PgSyncHarness.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.sync.SyncReport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A primary key with INCLUDE columns is keyed on its key columns only (pg_index.indnkeyatts). */
class PgIncludeKeyIT {
    @TempDir
    Path dir;
    private PgSyncHarness h;

    @BeforeEach
    void databases() {
        h = new PgSyncHarness(dir);
        execute(h.source, "CREATE TABLE people (id bigint, name text, PRIMARY KEY (id) INCLUDE (name))",
                "INSERT INTO people VALUES (1, 'ada'), (2, 'grace'), (3, NULL)");
    }

    @AfterEach
    void dropDatabases() {
        h.close();
    }

    @Test
    void aRenamedRowReplacesItsOldVersionAndANullIncludedColumnIsFine() {
        String config = h.config("", "overwrite-delete-stale");
        SyncReport first = h.sync(config);
        assertThat(first.succeeded()).as("%s", first).isTrue();
        execute(h.source, "UPDATE people SET name = 'lovelace' WHERE id = 1");
        SyncReport second = h.sync(h.config("", "overwrite"));
        assertThat(second.succeeded()).as("%s", second).isTrue();
        assertThat(rows(h.destination, "SELECT id, name FROM people ORDER BY id")).containsExactly(
                List.of("1", "lovelace"), java.util.Arrays.asList("2", "grace"), java.util.Arrays.asList("3", null));
        assertThat(rows(h.destination, "SELECT a.attname FROM pg_index i JOIN pg_attribute a"
                + " ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)"
                + " WHERE i.indrelid = 'people'::regclass AND i.indisprimary"))
                .containsExactly(List.of("id"));
    }
}
