package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code batch_timeout} flushes a batch that has waited that long even while the source sends
 * nothing: a slow source (3 s between pages) does not hold back rows or the incremental cursor,
 * and the cursor still moves only over rows already written.
 */
class BatchTimeoutIT {
    private static final String CURSOR = "select value from cq_state_test where key like '%test_incremental_table%'";

    @TempDir
    Path dir;

    @Test
    void aBatchThatWaitedBatchTimeoutIsFlushedBeforeTheNextPageArrives() throws Exception {
        Path db = dir.resolve("out.sqlite");
        Path config = dir.resolve("slow.yml");
        Files.writeString(config, """
                kind: source
                spec:
                  name: test
                  path: cloudquery/test
                  tables: ["test_incremental_table"]
                  destinations: [sqlite]
                  spec: {num_rows: 10, page_size: 5, page_delay: 3s}
                ---
                kind: destination
                spec:
                  name: sqlite
                  path: cloudquery/sqlite
                  spec:
                    connection_string: %s
                    batch_size: 1000
                    batch_timeout: 300ms
                """.formatted(db));
        CompletableFuture<CliIT.Result> run = CompletableFuture.supplyAsync(
                () -> CliIT.sluice("sync", config.toString(), "--log-level", "warn"));
        // Without a timer the first page's rows wait in the batch until the second page arrives
        // (3 s later) and both land at once: 0 rows, then 10. With it, page 1 lands alone first,
        // and its cursor with it, while the source is still pausing.
        boolean sawFirstPageAlone = false;
        while (!run.isDone()) {
            String cursor = text(db, CURSOR); // the cursor first: the rows it covers must be there when it is read
            long rows = count(db, "select count(*) from test_incremental_table");
            assertThat(cursor == null || rows >= 5).as("the cursor never moves ahead of its rows").isTrue();
            if (rows == 5 && "2024-01-01T00:00:04Z".equals(cursor)) {
                sawFirstPageAlone = true;
            }
            Thread.sleep(100);
        }
        assertThat(sawFirstPageAlone).as("page 1's rows and cursor were stored before page 2 arrived: " + run.join()).isTrue();

        CliIT.Result r = run.get(60, TimeUnit.SECONDS);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(count(db, "select count(*) from test_incremental_table")).isEqualTo(10);
        assertThat(text(db, CURSOR))
                .isEqualTo("2024-01-01T00:00:09Z");
    }

    private static long count(Path db, String sql) {
        String n = text(db, sql);
        return n == null ? 0 : Long.parseLong(n);
    }

    /** The first column of the first row, or null while the database or table does not exist yet. */
    static String text(Path db, String sql) {
        if (!Files.exists(db)) {
            return null;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) { // not created yet, or busy
            return null;
        }
    }
}
