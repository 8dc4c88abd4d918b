package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The `sluice` command in-process: exit codes, messages, and what it leaves on disk. */
class CliIT {
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

    private Path write(String name, String yaml) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, yaml);
        return p;
    }

    private String valid(String extraSourceSpec) {
        return """
                kind: source
                spec:
                  name: test
                  path: cloudquery/test
                  tables: ["*"]
                  destinations: [sqlite]
                  spec: {num_rows: 30, page_size: 7%s}
                ---
                kind: destination
                spec:
                  name: sqlite
                  path: cloudquery/sqlite
                  spec:
                    connection_string: %s
                """.formatted(extraSourceSpec, dir.resolve("out.sqlite"));
    }

    private long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("out.sqlite"));
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String> filesInDir() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void syncExitsZeroAndPrintsTheSummary() throws Exception {
        Path config = write("ok.yml", valid(""));
        Path summary = dir.resolve("summaries/summary.jsonl");
        Result r = sluice("sync", config.toString(), "--summary-location", summary.toString(), "--log-level", "warn");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("test_some_table").contains("SUCCEEDED");
        assertThat(count("select count(*) from test_some_table")).isEqualTo(30);
        assertThat(Files.readAllLines(summary)).singleElement().asString()
                .contains("\"source_name\":\"test\"").contains("\"status\":\"SUCCEEDED\"");
    }

    @Test
    void aFailedTableExitsOneAndTheSummaryNamesTheFailure() throws Exception {
        Path config = write("fault.yml", valid(", fail_table: test_some_table, fail_on_page: 2"));
        Result r = sluice("sync", config.toString(), "--log-level", "error");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("PARTIAL").contains("FAILED test_some_table").contains("injected failure");
        assertThat(count("select count(*) from test_incremental_table")).isEqualTo(30);
    }

    @Test
    void validateTablesPlanAndMigrate() throws Exception {
        Path config = write("ok.yml", valid(""));
        assertThat(sluice("validate", config.toString()).out()).contains("config is valid");
        Result tables = sluice("tables", config.toString());
        assertThat(tables.out()).contains("## test_some_table").contains("| id | int64 | yes |").contains("## test_sub_table");
        assertThat(sluice("tables", config.toString(), "--format", "json").out()).contains("\"incremental_cursor\" : \"updated_at\"");
        Result plan = sluice("plan", config.toString());
        assertThat(plan.out()).contains("2 work item(s)").contains("test_some_table with test_sub_table")
                .contains("test_incremental_table (incremental on updated_at)");
        assertThat(filesInDir()).containsExactly("ok.yml"); // none of those wrote anything
        assertThat(sluice("migrate", config.toString()).code()).isZero();
        assertThat(count("select count(*) from test_some_table")).isZero();
    }

    @Test
    void helpEverywhere() {
        for (String cmd : List.of("sync", "tables", "validate", "plan", "migrate")) {
            Result r = sluice(cmd, "--help");
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("Usage: sluice " + cmd);
        }
    }

    @Test
    void badInputsExitTwoNameTheProblemAndWriteNothing() throws Exception {
        String dbPath = dir.resolve("out.sqlite").toString();
        record Case(String name, String yaml, List<String> mentions) {
        }
        List<Case> cases = List.of(
                new Case("unknown-key.yml", valid("").replace("  path: cloudquery/test", "  path: cloudquery/test\n  concurency: 3"),
                        List.of("unknown-key.yml", "document 1", "concurency")),
                new Case("missing-env.yml", valid("").replace(dbPath, "${SLUICE_SURELY_UNSET_VARIABLE}"),
                        List.of("missing-env.yml", "SLUICE_SURELY_UNSET_VARIABLE")),
                new Case("unknown-connector.yml", valid("").replace("path: cloudquery/sqlite", "path: cloudquery/bigquery"),
                        List.of("unknown-connector.yml", "document 2", "path", "not a built-in connector", "sqlite")),
                new Case("malformed.yml", valid("").replace("tables: [\"*\"]", "tables: [\"*\""),
                        List.of("malformed.yml", "document 1")),
                new Case("bad-write-mode.yml", valid("").replace("  path: cloudquery/sqlite", "  path: cloudquery/sqlite\n  write_mode: overwrite-all"),
                        List.of("bad-write-mode.yml", "document 2", "write_mode", "overwrite-all")));
        for (Case c : cases) {
            Path config = write(c.name(), c.yaml());
            for (String cmd : List.of("sync", "validate", "tables", "plan", "migrate")) {
                Result r = sluice(cmd, config.toString());
                assertThat(r.code()).as(cmd + " " + c.name() + ": " + r.err()).isEqualTo(2);
                for (String m : c.mentions()) {
                    assertThat(r.err()).as(cmd + " " + c.name()).containsIgnoringCase(m);
                }
            }
            Files.delete(config);
            assertThat(filesInDir()).as(c.name()).isEmpty();
        }
        Result missing = sluice("sync", dir.resolve("nowhere.yml").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nowhere.yml");
        assertThat(filesInDir()).isEmpty();
    }

    @Test
    void aTablePatternThatMatchesNothingIsAConfigError() throws Exception {
        Path config = write("pattern.yml", valid("").replace("tables: [\"*\"]", "tables: [\"aws_*\"]"));
        Result r = sluice("sync", config.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("pattern.yml").contains("tables").contains("aws_*");
        assertThat(filesInDir()).containsExactly("pattern.yml");
    }
}
