package dev.sluice.engine.serverless;

import static dev.sluice.engine.sync.ScopedSourceFactory.CHILD;
import static dev.sluice.engine.sync.ScopedSourceFactory.TABLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.MovingClock;
import dev.sluice.engine.config.SpecLoader;
import dev.sluice.engine.connect.ConnectorRegistry;
import dev.sluice.engine.fetch.Retry;
import dev.sluice.engine.plan.WorkItem;
import dev.sluice.engine.run.MemoryRunLedger;
import dev.sluice.engine.run.RunState;
import dev.sluice.engine.sync.ScopedSourceFactory;
import dev.sluice.engine.sync.SourceReport;
import dev.sluice.engine.sync.SyncSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delete-stale per partition in the serverless finalizer: every item runs as messages of one
 * page each (continuations), one of three partitions fails on its second page; the finalizer
 * deletes the stale rows of the two that synced and keeps the failed one's, and its report says so.
 */
class ScopedFinalizerTest {
    @TempDir
    Path dir;

    private final MemoryRunLedger ledger = new MemoryRunLedger();
    private String lastRun;
    private final MovingClock clock = new MovingClock(Instant.parse("2024-05-01T10:00:00Z"));

    private SourceReport run(String sourceSpec) throws Exception {
        Path config = dir.resolve("sluice.yml");
        Files.writeString(config, """
                kind: source
                spec:
                  name: scoped
                  path: scoped
                  tables: ["*"]
                  destinations: [out]
                  spec: {%s}
                ---
                kind: destination
                spec:
                  name: out
                  path: cloudquery/sqlite
                  write_mode: overwrite-delete-stale
                  spec: {connection_string: %s}
                """.formatted(sourceSpec, dir.resolve("out.sqlite")));
        ServerlessSettings settings = ServerlessSettings.defaults().withClock(clock)
                .withRetry(new Retry(1, Duration.ofMillis(1), Duration.ofMillis(1)));
        ServerlessHarness.RecordingQueue queue = new ServerlessHarness.RecordingQueue();
        ConnectorRegistry registry = ConnectorRegistry.builtIn().withSource(new ScopedSourceFactory());
        try (ServerlessContext ctx = new ServerlessContext(SyncSetup.prepare(new SpecLoader().load(List.of(config), Map.of()),
                registry), ledger, queue, source -> {
                    throw new IllegalStateException("no incremental tables here");
                }, settings)) {
            String id = new RunStarter(ctx).start(Optional.empty(), List.of()).get(0).runId().orElseThrow();
            lastRun = id;
            int messages = 0;
            while (!queue.work.isEmpty()) {
                WorkItem m = queue.work.remove(0);
                AtomicInteger asked = new AtomicInteger();
                // time for the claim, then none left: each message fetches one page and continues
                new ItemHandler(ctx).handle(m, "h" + messages++, () -> asked.getAndIncrement() == 0
                        ? Duration.ofMinutes(10) : Duration.ZERO, 1);
                clock.advance(Duration.ofSeconds(1));
            }
            assertThat(messages).as("continuations").isGreaterThan(3);
            SourceReport report = new RunFinalizer(ctx).finalizeRun(id, "f").orElseThrow();
            assertThat(ledger.run(id).orElseThrow().state()).isEqualTo(RunState.valueOf(report.status().name()));
            clock.advance(Duration.ofMinutes(1));
            return report;
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("out.sqlite"));
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void theFinalizerDeletesStaleRowsOfThePartitionsThatSyncedOnly() throws Exception {
        assertThat(run("generation: 0").tables()).allSatisfy(t -> assertThat(t.failed()).isFalse());
        assertThat(count("select count(*) from " + TABLE)).isEqualTo(15);

        SourceReport report = run("generation: 1, fail_partition: b");
        for (String t : new String[] {TABLE, CHILD}) {
            assertThat(count("select count(*) from " + t + " where region in ('a', 'c')")).as(t).isEqualTo(6);
            assertThat(count("select count(*) from " + t + " where region in ('a', 'c') and generation <> 1")).as(t).isZero();
            assertThat(count("select count(*) from " + t + " where region = 'b'")).as(t).isEqualTo(5);
            assertThat(count("select count(*) from " + t + " where region = 'b' and generation = 0")).as(t).isEqualTo(3);
        }
        assertThat(report.tables()).allSatisfy(t -> {
            assertThat(t.error()).get().asString().contains("injected failure in partition b");
            assertThat(t.staleDeleted()).isEqualTo(4);
            assertThat(t.staleNote()).get().asString()
                    .isEqualTo("old rows kept for failed partition b of table " + TABLE + "; 4 stale rows deleted for the other 2");
        });
        assertThat(ledger.run(lastRun).orElseThrow().summary().orElseThrow())
                .contains("old rows kept for failed partition b").contains("\"stale_deleted\":4");
    }
}
