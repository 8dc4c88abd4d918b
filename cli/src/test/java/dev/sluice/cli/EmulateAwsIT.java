package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sluice sync --emulate-aws}: the serverless flow on the local emulators gives what the
 * plain local sync gives; bad configs and options exit 2 before any emulator starts.
 */
class EmulateAwsIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String STARTING = "starting the AWS emulators";

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    static Result sluice(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** The shaded jar as a process (the way users run it: proves the emulators start from it), in {@code cwd}. */
    static Result jar(Path cwd, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", ROOT.resolve("cli/target/sluice.jar").toString()));
        command.addAll(List.of(args));
        Path err = Files.createTempFile(cwd.getParent(), "stderr", ".txt");
        Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out, Files.readString(err));
    }

    @Test
    void theQuickstartOnTheEmulatorsGivesTheTablesAndCountsOfThePlainSyncTwice() throws Exception {
        Path plain = Files.createDirectories(dir.resolve("plain"));
        Path emulated = Files.createDirectories(dir.resolve("emulated"));
        String quickstart = ROOT.resolve("examples/quickstart.yml").toString();
        for (int run = 1; run <= 2; run++) {
            Result local = jar(plain, "sync", quickstart);
            assertThat(local.code()).as(local.err()).isZero();
            Result r = jar(emulated, "sync", "--emulate-aws", quickstart);
            assertThat(r.code()).as(r.out() + r.err()).isZero();
            assertThat(r.err()).contains(STARTING).contains("planner: source test: run ")
                    .contains("fetch-").contains("test_some_table of run ").contains("DONE")
                    .contains("finalizer: run ").contains("SUCCEEDED").doesNotContain("SLF4J");
            assertThat(r.out()).contains("source test -> sqlite: SUCCEEDED").contains("test_incremental_table");
            Map<String, Long> expected = tableCounts(plain.resolve("quickstart.sqlite"));
            assertThat(expected).containsEntry("test_some_table", 1000L).containsEntry("test_sub_table", 2000L)
                    .containsEntry("test_incremental_table", 1000L).containsEntry("cloudquery_sync_summaries", (long) run)
                    .containsEntry("cq_state_test", 1L); // the cursor (lease entries are left out of the counts)
            assertThat(tableCounts(emulated.resolve("quickstart.sqlite"))).as("run %d", run).isEqualTo(expected);
        }
        assertThat(query(emulated.resolve("quickstart.sqlite"),
                "SELECT resources_per_table FROM cloudquery_sync_summaries ORDER BY _cq_sync_time DESC LIMIT 1"))
                .as("the second run continued from the cursor the first left").contains("\"test_incremental_table\":0");
    }

    @Test
    void aShortLambdaTimeoutMakesFetchesContinueAcrossInvocations() throws Exception {
        Path config = write("short.yml", config("num_rows: 20000, page_size: 100"));
        Path summary = dir.resolve("summary.jsonl");
        Result r = sluice("sync", "--emulate-aws", "--lambda-timeout", "2s", "--time-margin", "1900ms",
                "--lambda-concurrency", "3", "--summary-location", summary.toString(), config.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.err()).contains("CONTINUED as message 1").contains("fetch-3");
        assertThat(tableCounts(dir.resolve("out.sqlite"))).containsEntry("test_some_table", 20_000L)
                .containsEntry("test_sub_table", 40_000L).containsEntry("test_incremental_table", 20_000L);
        assertThat(query(dir.resolve("out.sqlite"), "SELECT count(DISTINCT id) FROM test_some_table")).isEqualTo("20000");
        assertThat(Files.readAllLines(summary)).singleElement().asString().contains("\"status\":\"SUCCEEDED\"")
                .contains("\"resources\":80000");
    }

    @Test
    void aFailingTableEndsThePartialRunAndExitsOne() throws Exception {
        Path config = write("fault.yml", config("num_rows: 30, page_size: 7, fail_table: test_some_table, fail_on_page: 2"));
        Result r = sluice("sync", "--emulate-aws", "--log-level", "error", config.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("PARTIAL").contains("FAILED test_some_table").contains("injected failure");
        assertThat(r.err()).contains(STARTING).doesNotContain("planner:"); // progress lines follow --log-level
        assertThat(tableCounts(dir.resolve("out.sqlite"))).containsEntry("test_incremental_table", 30L);
    }

    @Test
    void badConfigsAndOptionsExitTwoBeforeAnyEmulatorStarts() throws Exception {
        record Case(String name, String yaml, List<String> extraArgs, List<String> mentions) {
        }
        String ok = config("num_rows: 5");
        List<Case> cases = List.of(
                new Case("unknown-key.yml", ok.replace("  path: cloudquery/test", "  path: cloudquery/test\n  concurency: 3"),
                        List.of(), List.of("invalid configuration", "unknown-key.yml", "document 1", "concurency")),
                new Case("pattern.yml", ok.replace("tables: [\"*\"]", "tables: [\"aws_*\"]"),
                        List.of(), List.of("invalid configuration", "pattern.yml", "tables", "aws_*")),
                new Case("missing-env.yml", ok.replace(dir.resolve("out.sqlite").toString(), "${SLUICE_SURELY_UNSET_VARIABLE}"),
                        List.of(), List.of("missing-env.yml", "SLUICE_SURELY_UNSET_VARIABLE")),
                new Case("margin.yml", ok, List.of("--lambda-timeout", "5s", "--time-margin", "5s"),
                        List.of("--time-margin", "under --lambda-timeout")),
                new Case("timeout.yml", ok, List.of("--lambda-timeout", "16m"), List.of("--lambda-timeout", "900s")),
                new Case("no-migrate.yml", ok, List.of("--no-migrate"), List.of("--no-migrate", "--emulate-aws")));
        for (Case c : cases) {
            Path config = write(c.name(), c.yaml());
            List<String> args = new ArrayList<>(List.of("sync", "--emulate-aws"));
            args.addAll(c.extraArgs());
            args.add(config.toString());
            Result r = sluice(args.toArray(String[]::new));
            assertThat(r.code()).as(c.name() + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).as(c.name()).doesNotContain(STARTING);
            for (String m : c.mentions()) {
                assertThat(r.err()).as(c.name()).contains(m);
            }
            Files.delete(config);
            assertThat(filesInDir()).as(c.name()).isEmpty();
        }
        Result withoutFlag = sluice("sync", "--lambda-timeout", "5s", write("plain.yml", ok).toString());
        assertThat(withoutFlag.code()).isEqualTo(2);
        assertThat(withoutFlag.err()).contains("--lambda-timeout only applies with --emulate-aws");
        Files.delete(dir.resolve("plain.yml"));
        Result missing = sluice("sync", "--emulate-aws", dir.resolve("nowhere.yml").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nowhere.yml").doesNotContain(STARTING);
        assertThat(filesInDir()).isEmpty();
    }

    @Test
    void helpDescribesTheFlag() {
        Result r = sluice("sync", "--help");
        assertThat(r.out()).contains("--emulate-aws").contains("--lambda-timeout").contains("--time-margin")
                .contains("--lambda-concurrency").contains("--emulate-timeout");
    }

    private String config(String sourceSpec) {
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
                  send_sync_summary: true
                  spec:
                    connection_string: %s
                """.formatted(sourceSpec, dir.resolve("out.sqlite"));
    }

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }

    private List<String> filesInDir() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Every table of the database with its row count. */
    private static Map<String, Long> tableCounts(Path db) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                // both flows keep the source's local lease in the state table: counts compare the data
                String notLease = t.startsWith("cq_state_") ? " WHERE key NOT LIKE 'sluice_lease:%'" : "";
                try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM \"" + t + "\"" + notLease)) {
                    rs.next();
                    counts.put(t, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private static String query(Path db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
