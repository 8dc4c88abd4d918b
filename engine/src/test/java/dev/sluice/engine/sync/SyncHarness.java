package dev.sluice.engine.sync;

import dev.sluice.connector.test.TestSourceFactory;
import dev.sluice.engine.config.SpecLoader;
import dev.sluice.engine.connect.ConnectorRegistry;
import dev.sluice.engine.fetch.Retry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Runs real local syncs: the test source (wrapped to count served rows) into a SQLite file in
 * a temporary directory, configured by YAML as a user would write it.
 */
final class SyncHarness {
    final Path dir;
    final Path database;
    final CountingSourceFactory counting = new CountingSourceFactory(new TestSourceFactory());
    ConnectorRegistry registry = ConnectorRegistry.builtIn().withSource(counting);
    /** Adjusts the options of the next syncs (read when a sync starts). */
    volatile UnaryOperator<SyncOptions> tune = UnaryOperator.identity();

    SyncHarness(Path dir) {
        this.dir = dir;
        this.database = dir.resolve("out.sqlite");
    }

    /** A config: the test source with {@code sourceSpec} (YAML flow map body) into SQLite with {@code writeMode}. */
    String config(String sourceSpec, String writeMode) {
        return """
                kind: source
                spec:
                  name: test
                  path: cloudquery/test
                  tables: ["*"]
                  destinations: [sqlite]
                  spec: {%s}
                ---
                kind: destination
                spec:
                  name: sqlite
                  path: cloudquery/sqlite
                  write_mode: %s
                  send_sync_summary: true
                  spec:
                    connection_string: %s
                    batch_size: 7
                """.formatted(sourceSpec, writeMode, database);
    }

    SyncReport sync(String yaml) {
        Path file = dir.resolve("config.yml");
        try {
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (PreparedSync prepared = SyncSetup.prepare(new SpecLoader().load(List.of(file), Map.of()), registry)) {
            SyncOptions options = SyncOptions.defaults().withStateDirectory(dir.resolve(".sluice"))
                    .withRetry(new Retry(2, Duration.ofMillis(1), Duration.ofMillis(1)));
            return new LocalSync(prepared, tune.apply(options)).run();
        }
    }

    void execute(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database); Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    long count(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
