package dev.sluice.connector.postgresql;

import dev.sluice.engine.config.SpecLoader;
import dev.sluice.engine.connect.ConnectorRegistry;
import dev.sluice.engine.fetch.Retry;
import dev.sluice.engine.sync.LocalSync;
import dev.sluice.engine.sync.PreparedSync;
import dev.sluice.engine.sync.SyncOptions;
import dev.sluice.engine.sync.SyncReport;
import dev.sluice.engine.sync.SyncSetup;
import dev.sluice.engine.sync.TableReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Whole syncs from one test database into another, configured by YAML as a user writes it. */
final class PgSyncHarness implements AutoCloseable {
    final PgTestDatabase source;
    final PgTestDatabase destination;
    private final Path dir;

    PgSyncHarness(Path dir) {
        this(dir, PgTestDatabase.serverUrl());
    }

    /** Both databases on the server {@code serverUrl} names. */
    PgSyncHarness(Path dir, String serverUrl) {
        this.dir = dir;
        this.source = PgTestDatabase.create(serverUrl);
        this.destination = PgTestDatabase.create(serverUrl);
    }

    String config(String sourceSpec, String writeMode) {
        return config(sourceSpec, writeMode, "");
    }

    /** {@code destinationSpec}: more lines for the destination's spec, e.g. {@code lock_timeout: 2s}. */
    String config(String sourceSpec, String writeMode, String destinationSpec) {
        return """
                kind: source
                spec:
                  name: pg
                  path: cloudquery/postgresql
                  tables: ["*"]
                  destinations: [target]
                  spec:
                    connection_string: "%s"
                %s
                ---
                kind: destination
                spec:
                  name: target
                  path: cloudquery/postgresql
                  write_mode: %s
                  spec:
                    connection_string: "%s"
                    batch_size: 500
                %s
                """.formatted(source.url(), sourceSpec.indent(4).stripTrailing(), writeMode, destination.url(),
                destinationSpec.indent(4).stripTrailing());
    }

    SyncReport sync(String yaml, Retry retry) {
        Path file = dir.resolve("config.yml");
        try {
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (PreparedSync prepared = SyncSetup.prepare(new SpecLoader().load(List.of(file), Map.of()),
                ConnectorRegistry.builtIn())) {
            return new LocalSync(prepared, SyncOptions.defaults().withStateDirectory(dir.resolve(".sluice"))
                    .withRetry(retry)).run();
        }
    }

    SyncReport sync(String yaml) {
        return sync(yaml, new Retry(3, Duration.ofMillis(10), Duration.ofMillis(50)));
    }

    static TableReport table(SyncReport report, String name) {
        return report.sources().get(0).tables().stream().filter(t -> t.table().equals(name)).findFirst().orElseThrow();
    }

    static void execute(PgTestDatabase db, String... sql) {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Every row of {@code sql} with each column as text, in the query's order. */
    static List<List<String>> rows(PgTestDatabase db, String sql) {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<List<String>> out = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    static long count(PgTestDatabase db, String sql) {
        return Long.parseLong(rows(db, sql).get(0).get(0));
    }

    @Override
    public void close() {
        source.close();
        destination.close();
    }
}
