package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-of-sync summary means what it says, per destination: rows each destination
 * received, stale rows only where stale rows are deleted (and per destination, not summed),
 * tables counted with their children; and a migration that migrate_mode: safe refuses fails
 * only its table, named with column and change, while the others sync.
 */
class SummaryIT {
    @TempDir
    Path dir;

    private Path config(String generation, String modeA, String modeB) throws Exception {
        Path p = dir.resolve("two.yml");
        Files.writeString(p, """
                kind: source
                spec:
                  name: test
                  path: cloudquery/test
                  tables: ["*"]
                  destinations: [a, b]
                  spec: {num_rows: 30, generation: %s}
                ---
                kind: destination
                spec:
                  name: a
                  path: cloudquery/sqlite
                  write_mode: %s
                  spec: {connection_string: %s}
                ---
                kind: destination
                spec:
                  name: b
                  path: cloudquery/sqlite
                  write_mode: %s
                  spec: {connection_string: %s}
                """.formatted(generation, modeA, dir.resolve("a.sqlite"), modeB, dir.resolve("b.sqlite")));
        return p;
    }

    private static String line(String out, String startsWith) {
        return out.lines().filter(l -> l.startsWith(startsWith)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with \"" + startsWith + "\" in\n" + out));
    }

    @Test
    void appendAndOverwriteShowNoStaleColumnAndTheRunLineCountsChildTables() throws Exception {
        CliIT.Result r = CliIT.sluice("sync", config("0", "append", "overwrite").toString(), "--log-level", "warn");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(line(r.out(), "source test -> a, b: SUCCEEDED")).contains(", 3 table(s), ");
        assertThat(line(r.out(), "  table")).matches("  table +rows a +rows b +errors +seconds");
        assertThat(line(r.out(), "  test_sub_table ")).matches("  test_sub_table +60 +60 +0 +\\d+\\.\\d");
        assertThat(r.out()).doesNotContain("deleted").doesNotContain("stale");
    }

    @Test
    void staleRowsAreCountedPerDestination() throws Exception {
        assertThat(CliIT.sluice("sync", config("0", "overwrite-delete-stale", "overwrite-delete-stale").toString()).code()).isZero();
        CliIT.Result r = CliIT.sluice("sync", config("1", "overwrite-delete-stale", "overwrite-delete-stale").toString(),
                "--log-level", "warn");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(line(r.out(), "  table")).matches("  table +rows a +stale a +rows b +stale b +errors +seconds");
        // generation 1 drops the 3 ids with id % 10 == 9: 3 stale rows in each destination, not 6
        assertThat(line(r.out(), "  test_some_table ")).matches("  test_some_table +27 +3 deleted +27 +3 deleted +0 +\\S+");
        assertThat(line(r.out(), "  test_incremental_table ")).matches("  test_incremental_table +\\d+ +kept +\\d+ +kept +0 +\\S+");
    }

    @Test
    void aTableThatLandedInOneDestinationAndFailedInTheOtherShowsItsRowsPerDestination() throws Exception {
        Path config = config("0", "overwrite", "overwrite");
        assertThat(CliIT.sluice("sync", config.toString()).code()).isZero();
        sql(dir.resolve("b.sqlite"), "CREATE TRIGGER refuse BEFORE INSERT ON test_some_table BEGIN SELECT RAISE(ABORT, 'b refuses rows'); END");
        Path summary = dir.resolve("summary.jsonl");
        CliIT.Result r = CliIT.sluice("sync", config.toString(), "--log-level", "error", "--summary-location", summary.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(line(r.out(), "  test_some_table ")).matches("  test_some_table +30 +0 +1 +\\S+");
        assertThat(Files.readAllLines(summary)).satisfiesExactly( // what each destination received
                a -> assertThat(a).contains("\"destination_name\":\"a\"").contains("\\\"test_some_table\\\":30"),
                b -> assertThat(b).contains("\"destination_name\":\"b\"").contains("\\\"test_some_table\\\":0"));
        assertThat(line(r.out(), "  FAILED test_some_table: ")).contains("b refuses rows");
        assertThat(line(r.out(), "  test_incremental_table ")).matches("  test_incremental_table +0 +0 +0 +\\S+"); // nothing newer than its cursor
    }

    @Test
    void aRefusedMigrationFailsOnlyItsTableAndTheSummarySaysTableColumnAndChange() throws Exception {
        Path config = config("0", "overwrite-delete-stale", "overwrite-delete-stale");
        assertThat(CliIT.sluice("sync", config.toString()).code()).isZero();
        Path a = dir.resolve("a.sqlite");
        String create = text(a, "select sql from sqlite_master where name = 'test_incremental_table'");
        sql(a, "DROP TABLE test_incremental_table");
        sql(a, create.replace("\"value\" TEXT", "\"value\" INTEGER"));

        CliIT.Result r = CliIT.sluice("sync", config("1", "overwrite-delete-stale", "overwrite-delete-stale").toString(),
                "--log-level", "error");
        assertThat(r.code()).isEqualTo(1);
        assertThat(line(r.out(), "source test -> a, b: PARTIAL")).contains("3 table(s)");
        assertThat(line(r.out(), "  FAILED test_incremental_table: ")).isEqualTo("  FAILED test_incremental_table: not synced: "
                + "destination a: table \"test_incremental_table\", column \"value\": type changed from INTEGER to TEXT (utf8)"
                + " is a breaking change; migrate_mode: safe refuses it (use migrate_mode: forced to drop and recreate the table)");
        assertThat(line(r.out(), "  test_some_table ")).matches("  test_some_table +27 +3 deleted +27 +3 deleted +0 +\\S+");
        assertThat(text(a, "select count(*) from test_incremental_table")).isEqualTo("0"); // nothing written to the refused table
        assertThat(text(dir.resolve("b.sqlite"), "select count(*) from test_incremental_table")).isEqualTo("30"); // b kept its rows
        assertThat(text(a, "select count(*) from test_some_table")).isEqualTo("27"); // the others synced

        CliIT.Result migrate = CliIT.sluice("migrate", config.toString(), "--log-level", "error");
        assertThat(migrate.code()).isEqualTo(1);
        assertThat(migrate.err()).isEqualTo("error: destination a: table \"test_incremental_table\", column \"value\": type changed"
                + " from INTEGER to TEXT (utf8) is a breaking change; migrate_mode: safe refuses it (use migrate_mode: forced to"
                + " drop and recreate the table)\n(5 other table(s) migrated)\n");
    }

    private static void sql(Path db, String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }

    private static String text(Path db, String query) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); ResultSet rs = c.createStatement().executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
