package dev.sluice.connector.postgresql;

import static dev.sluice.connector.postgresql.PgSyncHarness.count;
import static dev.sluice.connector.postgresql.PgSyncHarness.execute;
import static dev.sluice.connector.postgresql.PgSyncHarness.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.engine.fetch.Retry;
import dev.sluice.engine.sync.SyncReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server restarts in the middle of a sync: the sync completes (the engine retried on fresh
 * connections) or its item fails cleanly, and the next run completes it. No row is lost or
 * duplicated, and the stored cursor never covers a row the destination does not have.
 */
class PgRestartIT {
    private static final int ROWS = 200_000;

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
    void restartMidSyncLosesAndDuplicatesNothing() throws Exception {
        execute(h.source, "CREATE TABLE stream (id bigint PRIMARY KEY, v text, updated_at timestamptz NOT NULL)",
                "INSERT INTO stream SELECT g, md5(g::text), '2024-01-01'::timestamptz + g * interval '1 ms'"
                        + " FROM generate_series(1, " + ROWS + ") g");
        String config = h.config("page_size: 500\nincremental:\n  public.stream: updated_at", "overwrite-delete-stale");
        Retry patient = new Retry(8, Duration.ofMillis(500), Duration.ofSeconds(3));

        CompletableFuture<SyncReport> first = CompletableFuture.supplyAsync(() -> h.sync(config, patient));
        awaitRows(1_000);
        restartServer();
        SyncReport interrupted = first.get(5, TimeUnit.MINUTES);

        assertCursorNotAheadOfRows();
        SyncReport next = h.sync(config, patient);
        assertThat(next.succeeded()).as("the run after the restart: %s", next).isTrue();
        assertThat(interrupted.succeeded() || PgSyncHarness.table(interrupted, "stream").failed())
                .as("the interrupted run either completed or failed its item: %s", interrupted).isTrue();
        assertThat(count(h.destination, "SELECT count(*) FROM stream")).isEqualTo(ROWS);
        assertThat(rows(h.destination, "SELECT count(*), sum(id), count(DISTINCT id) FROM stream"))
                .isEqualTo(rows(h.source, "SELECT count(*), sum(id), count(DISTINCT id) FROM stream"));
        assertCursorNotAheadOfRows();
    }

    private void awaitRows(long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            try {
                if (count(h.destination, "SELECT count(*) FROM stream") >= atLeast) {
                    return;
                }
            } catch (IllegalStateException tableNotYetCreated) {
                // the sync has not migrated yet
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the sync wrote no rows within 2 minutes");
    }

    private static void restartServer() throws IOException, InterruptedException {
        String version;
        try (var versions = Files.list(Path.of("/etc/postgresql"))) {
            version = versions.map(p -> p.getFileName().toString()).sorted().findFirst().orElseThrow();
        }
        Process p = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as("pg_ctlcluster restart: %s", output).isZero();
    }

    /** Every source row at or before the stored cursor (updated_at, id) is in the destination. */
    private void assertCursorNotAheadOfRows() throws IOException {
        List<List<String>> state = rows(h.destination, "SELECT value FROM cq_state_pg");
        if (state.isEmpty()) {
            return;
        }
        List<?> cursor = new ObjectMapper().readValue(state.get(0).get(0), List.class);
        long covered = count(h.source, "SELECT count(*) FROM stream WHERE (updated_at, id) <= ('"
                + cursor.get(0) + "'::timestamptz, " + cursor.get(1) + ")");
        long present = count(h.destination, "SELECT count(*) FROM stream");
        assertThat(present).as("rows in the destination vs rows the cursor %s covers", cursor).isGreaterThanOrEqualTo(covered);
    }
}
