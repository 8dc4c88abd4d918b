package dev.sluice.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.engine.MovingClock;
import dev.sluice.engine.connect.ConnectorRegistry;
import dev.sluice.engine.lease.LeaseHeldException;
import dev.sluice.engine.lease.LeaseSettings;
import dev.sluice.engine.lease.SourceLease;
import dev.sluice.spi.ConnectorConfig;
import dev.sluice.spi.Destination;
import dev.sluice.spi.Spec;
import java.time.Instant;
import java.util.Map;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN.md invariant 7 on one machine: while a sync of a source runs, a second sync of it is
 * refused (or waits), so its delete-stale can never remove the rows the first is writing.
 */
class OneRunPerSourceIT {
    private static final String SOME = "test_some_table";

    @TempDir
    Path dir;

    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void aSecondSyncIsRefusedWhileTheFirstRunsAndTheFirstLosesNoRow() throws Exception {
        SyncHarness h = new SyncHarness(dir);
        h.sync(h.config("num_rows: 500, page_size: 20", "overwrite-delete-stale"));
        String generation1 = h.config("num_rows: 500, page_size: 20, generation: 1", "overwrite-delete-stale");

        Paused first = pauseMidway(h, generation1);
        assertThatThrownBy(() -> h.sync(generation1))
                .isInstanceOf(LeaseHeldException.class)
                .hasMessageContaining("source test is being synced by run ")
                .hasMessageContaining("pid " + ProcessHandle.current().pid());
        first.resume.countDown();
        SyncReport report = first.result.get(60, TimeUnit.SECONDS);

        assertThat(report.succeeded()).isTrue();
        assertThat(h.count("select count(*) from " + SOME)).isEqualTo(450); // ids % 10 == 9 exist in even generations only
        assertThat(h.count("select count(*) from " + SOME + " where generation <> 1")).isZero();
        // the lease was released: the next sync runs
        assertThat(h.sync(generation1).succeeded()).isTrue();
    }

    @Test
    void withAWaitTheSecondSyncRunsOnceTheFirstEnds() throws Exception {
        SyncHarness h = new SyncHarness(dir);
        String config = h.config("num_rows: 300, page_size: 20", "overwrite-delete-stale");
        Paused first = pauseMidway(h, config);
        h.tune = o -> o.withLease(o.lease().waitingUpTo(Duration.ofSeconds(30)));
        Thread resumer = new Thread(() -> {
            sleep(500);
            first.resume.countDown();
        });
        resumer.start();
        SyncReport second = h.sync(config);
        assertThat(first.result.get(60, TimeUnit.SECONDS).succeeded()).isTrue();
        assertThat(second.succeeded()).isTrue();
        assertThat(h.count("select count(*) from " + SOME)).isEqualTo(300);
        assertThat(h.count("select count(distinct _cq_sync_time) from " + SOME)).isEqualTo(1);
    }

    @Test
    void aRunPausedPastItsLeaseWritesNothingOnceItResumes() throws Exception {
        SyncHarness h = new SyncHarness(dir);
        String config = h.config("num_rows: 500, page_size: 20", "overwrite-delete-stale")
                .replace("tables: [\"*\"]", "tables: [\"" + SOME + "\"]");
        MovingClock clock = new MovingClock(Instant.now());
        h.tune = o -> o.withLease(new LeaseSettings(Duration.ofMinutes(2), Duration.ZERO, clock));
        Paused first = pauseMidway(h, config);
        // the pause outlasts the lease (as a SIGSTOP would): another run takes it over
        clock.advance(Duration.ofMinutes(3));
        try (Destination sqlite = ConnectorRegistry.builtIn().destination("sqlite").orElseThrow()
                .create(new ConnectorConfig("other", new Spec(Map.of("connection_string", h.database.toString()))))) {
            sqlite.open();
            SourceLease.take(sqlite.stateStore("cq_state_test").orElseThrow(), "test", "run-that-took-over",
                    new LeaseSettings(Duration.ofMinutes(2), Duration.ZERO, clock));
        }
        long atPause = h.count("select count(*) from " + SOME);
        first.resume.countDown();
        SyncReport report = first.result.get(60, TimeUnit.SECONDS);

        assertThat(report.succeeded()).isFalse();
        assertThat(report.sources().get(0).tables()).filteredOn(t -> t.table().equals(SOME)).singleElement()
                .satisfies(t -> assertThat(t.error()).get().asString().contains("no longer holds the lease of source test"));
        assertThat(h.count("select count(*) from " + SOME)).as("rows written after resuming").isEqualTo(atPause);
    }

    private record Paused(Future<SyncReport> result, CountDownLatch resume) {
    }

    /** Starts a sync on another thread and returns once it has written rows and is paused in its next page. */
    private Paused pauseMidway(SyncHarness h, String config) throws InterruptedException {
        CountDownLatch midway = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        ProgressListener pausing = new ProgressListener() {
            private int pages;

            @Override
            public synchronized void rowsFetched(String source, long rows) {
                if (++pages == 5) {
                    midway.countDown();
                    await(resume);
                }
            }
        };
        UnaryOperator<SyncOptions> before = h.tune;
        h.tune = o -> before.apply(o).withProgress(pausing);
        Future<SyncReport> result = pool.submit(() -> h.sync(config));
        assertThat(midway.await(60, TimeUnit.SECONDS)).isTrue();
        h.tune = UnaryOperator.identity();
        return new Paused(result, resume);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
