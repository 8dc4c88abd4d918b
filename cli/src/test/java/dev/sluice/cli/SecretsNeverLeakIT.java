package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real CLI (the shaded jar, as a process) runs syncs that fail, with PostgreSQL passwords in
 * a {@code postgres://} URL, in a key=value DSN, and through {@code ${file:...}}: a destination
 * with the wrong password on a server that checks it, a destination on a port nothing listens
 * on, a migration that safe mode refuses, rows the destination rejects (a CHECK constraint added
 * after a first sync), a table pattern that matches nothing. At debug level,
 * as text and as JSON, with a summary file: no form of any password is in stdout, stderr, the
 * summary file, any file the run left, the SQLite destination, or any table of the PostgreSQL
 * destination (its {@code cloudquery_sync_summaries} included).
 */
class SecretsNeverLeakIT {
    /** The server's password, with characters a URL must encode and a DSN must carry. */
    static final SecretForms RIGHT = SecretForms.of("Sl-Leak#7Qz:@/%?&pw", "Leak#7Qz", PasswordPostgres.USER);
    static final SecretForms WRONG = SecretForms.of("Wr0ng-Leak#9Xy:@/%?&pw", "Leak#9Xy", PasswordPostgres.USER);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger DATABASES = new AtomicInteger();

    enum Form { URL, DSN, FILE }

    enum Failure { WRONG_PASSWORD, UNREACHABLE, REFUSED_MIGRATION, REJECTED_ROWS, NO_SUCH_TABLE }

    private static PasswordPostgres server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        server = PasswordPostgres.start(RIGHT.password());
        server.execute("postgres", "CREATE DATABASE src");
        server.execute("src", "CREATE TABLE items (id bigint PRIMARY KEY, name text)",
                "INSERT INTO items SELECT g, 'item ' || g FROM generate_series(1, 50) g");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Form form : Form.values()) {
            for (Failure failure : Failure.values()) {
                out.add(Arguments.of(form, failure, (form.ordinal() + failure.ordinal()) % 2 == 0 ? "json" : "text"));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}, {1}, --log-format {2}")
    @MethodSource("cases")
    void noFormOfAnyPasswordLeaks(Form form, Failure failure, String logFormat) throws Exception {
        String database = "dst_" + DATABASES.incrementAndGet();
        server.execute("postgres", "CREATE DATABASE " + database);
        if (failure == Failure.REFUSED_MIGRATION) {
            server.execute(database, "CREATE TABLE items (id bigint PRIMARY KEY, name integer)");
        }
        Files.writeString(dir.resolve("right.txt"), RIGHT.password() + "\n");
        Files.writeString(dir.resolve("wrong.txt"), WRONG.password() + "\n");
        String source = connection(form, RIGHT, "right.txt", server.port, "src");
        String destination = switch (failure) {
            case WRONG_PASSWORD -> connection(form, WRONG, "wrong.txt", server.port, database);
            case UNREACHABLE -> connection(form, RIGHT, "right.txt", PasswordPostgres.freePort(), database);
            default -> connection(form, RIGHT, "right.txt", server.port, database);
        };
        Path config = dir.resolve("config.yml");
        Files.writeString(config, config(source, destination, failure == Failure.NO_SUCH_TABLE ? "public.no_such_*" : "public.items"));

        String[] sync = {"sync", config.toString(), "--log-level", "debug", "--log-format", logFormat,
                "--summary-location", dir.resolve("summary.jsonl").toString()};
        List<String> places = new ArrayList<>();
        if (failure == Failure.REJECTED_ROWS) {
            Run first = sluice(sync);
            assertThat(first.code()).as("a first sync succeeds; stderr:\n%s", first.err()).isZero();
            scanOutput(first, logFormat, places);
            server.execute(database, "ALTER TABLE items ADD CONSTRAINT no_item_seven CHECK (name <> 'item 7') NOT VALID");
        }
        Run run = sluice(sync);

        assertThat(run.code()).as("exit code; stderr:\n%s", run.err()).isEqualTo(failure == Failure.NO_SUCH_TABLE ? 2 : 1);
        assertThat(run.out() + run.err()).as("the failure is the one intended").containsIgnoringCase(switch (failure) {
            case WRONG_PASSWORD -> "password authentication failed";
            case UNREACHABLE -> "refused";
            case REFUSED_MIGRATION -> "migrate_mode: safe refuses";
            case REJECTED_ROWS -> "no_item_seven";
            case NO_SUCH_TABLE -> "matches no table";
        });
        scanOutput(run, logFormat, places);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (!name.equals("config.yml") && !name.equals("right.txt") && !name.equals("wrong.txt")) {
                    scan("file " + dir.relativize(f), new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1), places);
                }
            }
        }
        if (Files.exists(dir.resolve("out.sqlite"))) {
            scan("SQLite destination", sqliteRows(), places);
        }
        scan("PostgreSQL destination " + database, postgresRows(database), places);
        assertThat(places).as("places scanned").contains("stdout", "stderr");
        if (failure == Failure.REJECTED_ROWS) {
            assertThat(places).as("the summaries were written where they are scanned")
                    .contains("file summary.jsonl", "SQLite destination");
            assertThat(sqliteRows()).contains("cloudquery_sync_summaries").contains("FAILED");
            assertThat(postgresRows(database)).contains("cloudquery_sync_summaries").contains("FAILED");
        }
    }

    /** Scans what a run printed; with JSON logs, every log line must be one JSON object. */
    private static void scanOutput(Run run, String logFormat, List<String> places) throws IOException {
        if (logFormat.equals("json")) {
            for (String line : run.err().lines().filter(l -> l.startsWith("{")).toList()) {
                JSON.readTree(line);
            }
        }
        scan("stdout", run.out(), places);
        scan("stderr", run.err(), places);
    }

    private static String connection(Form form, SecretForms secret, String file, int port, String database) {
        return switch (form) {
            case URL -> "postgres://" + PasswordPostgres.USER + ":" + SecretForms.percentEncoded(secret.password())
                    + "@127.0.0.1:" + port + "/" + database + "?sslmode=disable";
            case DSN -> "host=127.0.0.1 port=" + port + " user=" + PasswordPostgres.USER + " password='"
                    + secret.password() + "' dbname=" + database + " sslmode=disable";
            case FILE -> "host=127.0.0.1 port=" + port + " user=" + PasswordPostgres.USER + " password=${file:" + file
                    + "} dbname=" + database + " sslmode=disable";
        };
    }

    private String config(String source, String destination, String table) {
        return """
                kind: source
                spec:
                  name: pgsrc
                  path: cloudquery/postgresql
                  tables: ["*"]
                  destinations: [pg, lite]
                  spec:
                    connection_string: "%s"
                    tables: ["%s"]
                ---
                kind: destination
                spec:
                  name: pg
                  path: cloudquery/postgresql
                  send_sync_summary: true
                  spec:
                    connection_string: "%s"
                ---
                kind: destination
                spec:
                  name: lite
                  path: cloudquery/sqlite
                  send_sync_summary: true
                  spec:
                    connection_string: "%s"
                """.formatted(source, table, destination, dir.resolve("out.sqlite"));
    }

    record Run(int code, String out, String err) {
    }

    /** The shaded jar as a user runs it, in the test's directory. */
    private Run sluice(String... args) throws IOException, InterruptedException {
        Path jar = Path.of("target/sluice.jar").toAbsolutePath();
        assertThat(jar).as("the CLI jar (built by package, before integration tests)").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("sluice-stdout", ".txt");
        Path err = Files.createTempFile("sluice-stderr", ".txt");
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("sluice finished").isTrue();
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1),
                    Files.readString(err, StandardCharsets.ISO_8859_1));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static void scan(String where, String text, List<String> places) {
        RIGHT.assertAbsentFrom(where, text);
        WRONG.assertAbsentFrom(where, text);
        places.add(where);
    }

    /** Every row of every table of the SQLite destination, as text. */
    private String sqliteRows() throws SQLException {
        StringBuilder all = new StringBuilder();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("out.sqlite"));
             Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                all.append(t).append('\n');
                appendRows(st, "SELECT * FROM \"" + t.replace("\"", "\"\"") + "\"", all);
            }
        }
        return all.toString();
    }

    /** Every row of every table of the PostgreSQL destination database, as text. */
    private static String postgresRows(String database) throws SQLException {
        StringBuilder all = new StringBuilder();
        try (Connection c = server.connect(database); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT quote_ident(table_schema) || '.' || quote_ident(table_name),"
                    + " table_name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                    all.append(rs.getString(2)).append('\n');
                }
            }
            for (String t : tables) {
                appendRows(st, "SELECT t::text FROM " + t + " t", all);
            }
        }
        return all.toString();
    }

    private static void appendRows(Statement st, String sql, StringBuilder all) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= n; i++) {
                    all.append(rs.getString(i)).append('\t');
                }
                all.append('\n');
            }
        }
    }
}
