package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PostgreSQL connection string whose port cannot be parsed used to fall back to
 * localhost:5432 and write there. Now `sluice validate` and `sluice sync` refuse it with exit 2,
 * naming the field and the problem, never the password, and the local server's database the
 * URL names stays empty.
 */
class PgMisdirectedUrlIT {
    private static final String ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres";

    @TempDir
    Path dir;
    private String database;

    @BeforeEach
    void createDatabase() throws Exception {
        database = "sluice_misdirect_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
        admin("CREATE DATABASE " + database);
    }

    @AfterEach
    void dropDatabase() throws Exception {
        admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    @Test
    void aMalformedPortNeverReachesTheLocalServer() throws Exception {
        List<String> urls = List.of(
                "postgres://postgres:hunter2@127.0.0.1:abc/" + database,
                "postgres://postgres:hunter2@127.0.0.1:-1/" + database,
                "postgres://postgres:hunter2@127.0.0.1:5432:5433/" + database,
                "postgres://postgres:hunter2@127.0.0.1:/" + database,
                "postgresql:///" + database + "?host=/var/run/postgresql&user=postgres&password=hunter2");
        for (String url : urls) {
            Path config = dir.resolve("bad.yml");
            Files.writeString(config, """
                    kind: source
                    spec:
                      name: test
                      path: cloudquery/test
                      tables: ["*"]
                      destinations: [pg]
                    ---
                    kind: destination
                    spec:
                      name: pg
                      path: cloudquery/postgresql
                      spec:
                        connection_string: "%s"
                    """.formatted(url));
            for (String command : List.of("validate", "sync")) {
                CliIT.Result r = CliIT.sluice(command, config.toString());
                assertThat(r.code()).as(command + " " + url + ": " + r.err()).isEqualTo(2);
                assertThat(r.err()).as(command + " " + url).contains("bad.yml").contains("document 2")
                        .contains("connection_string").doesNotContain("hunter2");
            }
            assertThat(tablesIn(database)).as("tables written through " + url).isZero();
        }
    }

    private static void admin(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(ADMIN, "postgres", ""); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static long tablesIn(String db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + db, "postgres", "");
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
