package dev.sluice.connector.postgresql;

import static dev.sluice.connector.postgresql.PgSyncHarness.count;
import static dev.sluice.connector.postgresql.PgSyncHarness.execute;
import static dev.sluice.connector.postgresql.PgSyncHarness.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.engine.fetch.Retry;
import dev.sluice.engine.sync.SyncReport;
import dev.sluice.engine.sync.TableReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server fails in the middle of a sync, on a cluster of the test's own
 * ({@link PgPrivateCluster}): restarted, stopped and started again, or gone for longer than
 * the retry budget. A short outage is retried through (fetches, writes and the cursor's
 * compare-and-set, on fresh connections); a long one fails the table with a clear message.
 * Either way the next run completes it: no row lost or duplicated, and the stored cursor
 * never covers a row the destination does not have.
 */
class PgRestartIT {
    private static final int ROWS = 100_000;
    private static final Retry PATIENT = new Retry(8, Duration.ofMillis(500), Duration.ofSeconds(3));
    private static final Retry BRIEF = new Retry(3, Duration.ofMillis(200), Duration.ofMillis(400));
    private static PgPrivateCluster cluster;

    @TempDir
    Path dir;
    private PgSyncHarness h;
    private String config;

    @BeforeAll
    static void startCluster() {
        cluster = PgPrivateCluster.start();
    }

    @AfterAll
    static void removeCluster() {
        cluster.close();
    }

    @BeforeEach
    void databases() {
        h = new PgSyncHarness(dir, cluster.url());
        execute(h.source, "CREATE TABLE stream (id bigint PRIMARY KEY, v text, updated_at timestamptz NOT NULL)",
                "INSERT INTO stream SELECT g, md5(g::text), '2024-01-01'::timestamptz + g * interval '1 ms'"
                        + " FROM generate_series(1, " + ROWS + ") g",
                "CREATE INDEX ON stream (updated_at, id)");
        config = h.config("page_size: 500\nincremental:\n  public.stream: updated_at", "overwrite-delete-stale");
    }

    @AfterEach
    void dropDatabases() {
        cluster.startServerIfStopped();
        h.close();
    }

    @Test
    void restartMidSync() throws Exception {
        CompletableFuture<SyncReport> first = CompletableFuture.supplyAsync(() -> h.sync(config, PATIENT));
        awaitRows(1_000);
        cluster.restartServer();
        SyncReport interrupted = first.get(2, TimeUnit.MINUTES);
        assertRetriesCarriedThrough(interrupted);
        assertRerunCompletes();
    }

    @Test
    void stoppedMidSyncThenStartedAgain() throws Exception {
        CompletableFuture<SyncReport> first = CompletableFuture.supplyAsync(() -> h.sync(config, PATIENT));
        awaitRows(1_000);
        cluster.stopServer();
        Thread.sleep(1_500);
        cluster.startServer();
        SyncReport interrupted = first.get(2, TimeUnit.MINUTES);
        assertRetriesCarriedThrough(interrupted);
        assertRerunCompletes();
    }

    @Test
    void unreachableLongerThanTheRetryBudget() throws Exception {
        CompletableFuture<SyncReport> first = CompletableFuture.supplyAsync(() -> h.sync(config, BRIEF));
        awaitRows(1_000);
        cluster.stopServer();
        SyncReport failed = first.get(2, TimeUnit.MINUTES);
        cluster.startServer();
        assertThat(stream(failed).failed()).as("%s", failed).isTrue();
        // usually the last retry's "cannot connect to postgresql://postgres@127.0.0.1:PORT/db: Connection ... refused",
        // or the connection loss itself when it struck the cursor's compare-and-set
        assertThat(stream(failed).error()).hasValueSatisfying(e -> assertThat(e).startsWith("postgresql: ")
                .containsPattern("cannot connect to postgresql://postgres@127\\.0\\.0\\.1:" + cluster.port()
                        + "/\\w+: Connection to 127\\.0\\.0\\.1:" + cluster.port() + " refused.*SQLSTATE 08001"
                        + "|SQLSTATE 08006"));
        assertRerunCompletes();
    }

    /**
     * The outage is shorter than the retry budget: retries on fresh connections carry every
     * step through, the cursor's compare-and-set included (settled by reading it back).
     */
    private static void assertRetriesCarriedThrough(SyncReport report) {
        assertThat(report.succeeded()).as("within the retry budget the retries carry the sync through: %s", report).isTrue();
    }

    private static TableReport stream(SyncReport report) {
        return PgSyncHarness.table(report, "stream");
    }

    private void assertRerunCompletes() throws IOException {
        assertCursorNotAheadOfRows();
        SyncReport next = h.sync(config, PATIENT);
        assertThat(next.succeeded()).as("the run after the fault: %s", next).isTrue();
        assertThat(rows(h.destination, "SELECT count(*), sum(id), count(DISTINCT id) FROM stream"))
                .isEqualTo(rows(h.source, "SELECT count(*), sum(id), count(DISTINCT id) FROM stream"))
                .isEqualTo(List.of(List.of(Integer.toString(ROWS), Long.toString((long) ROWS * (ROWS + 1) / 2),
                        Integer.toString(ROWS))));
        assertCursorNotAheadOfRows();
    }

    private void awaitRows(long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
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
        throw new AssertionError("the sync wrote no rows within a minute");
    }

    /** Every source row at or before the stored cursor (updated_at, id) is in the destination. */
    private void assertCursorNotAheadOfRows() throws IOException {
        List<List<String>> state = rows(h.destination, "SELECT value FROM cq_state_pg WHERE key NOT LIKE 'sluice_lease:%'");
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
