package dev.sluice.engine.serverless;

import dev.sluice.engine.MovingClock;
import dev.sluice.engine.config.SpecLoader;
import dev.sluice.engine.connect.ConnectorRegistry;
import dev.sluice.engine.fetch.Retry;
import dev.sluice.engine.plan.WorkItem;
import dev.sluice.engine.run.RunLedger;
import dev.sluice.engine.run.WorkQueue;
import dev.sluice.engine.sync.SyncSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The serverless core on in-memory parts: the test source (its full table only, no cursors)
 * into SQLite, a ledger given by the test, a queue that records what was sent, and a clock
 * the test moves.
 */
final class ServerlessHarness implements AutoCloseable {
    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    final MovingClock clock = new MovingClock(T0);
    final RecordingQueue queue = new RecordingQueue();
    final ServerlessContext ctx;
    final Path database;

    ServerlessHarness(Path dir, RunLedger ledger, String sourceName) {
        database = dir.resolve("out.sqlite");
        Path config = dir.resolve("sluice.yml");
        try {
            Files.createDirectories(dir);
            Files.writeString(config, """
                    kind: source
                    spec:
                      name: %s
                      path: cloudquery/test
                      tables: [test_some_table]
                      destinations: [out]
                      spec: {num_rows: 12, num_sub_rows: 1, page_size: 4}
                    ---
                    kind: destination
                    spec:
                      name: out
                      path: cloudquery/sqlite
                      spec: {connection_string: %s}
                    """.formatted(sourceName, database));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServerlessSettings settings = ServerlessSettings.defaults().withClock(clock)
                .withRetry(new Retry(1, Duration.ofMillis(1), Duration.ofMillis(1)));
        ctx = new ServerlessContext(SyncSetup.prepare(new SpecLoader().load(List.of(config), Map.of()), ConnectorRegistry.builtIn()),
                ledger, queue, source -> {
                    throw new IllegalStateException("no incremental tables here");
                }, settings);
    }

    /** The number of tables in the SQLite destination. */
    long tables() {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + database);
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table'")) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        ctx.close();
    }

    /** A work queue that keeps what was sent. */
    static final class RecordingQueue implements WorkQueue {
        final List<WorkItem> work = new ArrayList<>();
        final List<String> finalizeRequests = new ArrayList<>();

        @Override
        public synchronized void enqueue(List<WorkItem> items) {
            work.addAll(items);
        }

        @Override
        public synchronized void requestFinalize(String runId) {
            finalizeRequests.add(runId);
        }
    }
}
