package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a source's selection matched, said out loud: a PostgreSQL table glob that selects no
 * table names the glob and what it matched instead (a partition, nothing); an incremental
 * entry for a table not synced, or without a key to order by (a view), names the table and
 * why; an engine pattern that matches nothing lists what the source offers; and a value the
 * source cannot read names table and column, not a Java class.
 */
class SelectionIT {
    private static ScratchPg pg;

    @TempDir
    Path dir;

    @BeforeAll
    static void database() throws Exception {
        pg = new ScratchPg();
        pg.sql("CREATE TABLE orders (id int PRIMARY KEY, updated_at timestamptz NOT NULL DEFAULT now())",
                "INSERT INTO orders (id) SELECT generate_series(1, 20)",
                "CREATE VIEW orders_view AS SELECT * FROM orders",
                "CREATE MATERIALIZED VIEW orders_mv AS SELECT * FROM orders",
                "CREATE TABLE events (id int, at date NOT NULL) PARTITION BY RANGE (at)",
                "CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
                "CREATE TABLE grid (id int PRIMARY KEY, cells int[])",
                "INSERT INTO grid VALUES (1, '{1,2}'), (2, '{{1,2},{3,4}}')");
    }

    @AfterAll
    static void drop() throws Exception {
        pg.close();
    }

    private Path config(String tables, String incremental) throws Exception {
        Path p = dir.resolve("shop.yml");
        Files.writeString(p, """
                kind: source
                spec:
                  name: shop
                  path: cloudquery/postgresql
                  tables: ["*"]
                  destinations: [sqlite]
                  spec:
                    connection_string: %s
                    tables: %s
                    incremental: %s
                ---
                kind: destination
                spec:
                  name: sqlite
                  path: cloudquery/sqlite
                  spec: {connection_string: %s}
                """.formatted(pg.url(), tables, incremental, dir.resolve("out.sqlite")));
        return p;
    }

    private List<String> files() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void namedTablesThatAreNotTablesAndIncrementalEntriesForUnsyncedTablesAreReportedTogether() throws Exception {
        Path config = config("[\"public.orders\", \"public.orders_view\", \"orders_mv\", \"public.events_2024\", \"public.nope\", \"nosuch.*\"]",
                "{public.nope: updated_at, public.orders_view: updated_at, public.events: at}");
        CliIT.Result r = CliIT.sluice("sync", config.toString(), "--log-level", "error");
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        String at = "  " + config + ", document 1, field spec.spec.";
        String who = "source shop (cloudquery/postgresql): ";
        String reads = "; the postgresql source reads ordinary and partitioned tables, views and materialized views";
        assertThat(r.err()).isEqualTo("error: invalid configuration:\n"
                + at + "incremental.public.events: " + who + "names a table the source does not sync: public.events is not "
                + "selected by the tables globs [public.orders, public.orders_view, public.orders_mv, public.events_2024, public.nope, nosuch.*]\n"
                + at + "incremental.public.nope: " + who + "names a table the source does not sync: there is no table public.nope\n"
                + at + "incremental.public.orders_view: " + who + "public.orders_view is a view and has no primary key; an"
                + " incremental table needs one to order rows that share a cursor value\n"
                + at + "tables: " + who + "\"public.events_2024\" selects no table of the database: it matches public.events_2024 "
                + "(a partition of public.events, which its parent reads)" + reads + "\n"
                + at + "tables: " + who + "\"public.nope\" selects no table of the database: it matches no table, view or partition" + reads + "\n"
                + at + "tables: " + who + "\"nosuch.*\" selects no table of the database: it matches no table, view or partition" + reads + "\n");
        assertThat(files()).containsExactly("shop.yml"); // nothing written
    }

    @Test
    void whenTheConnectorsGlobsSelectNothingTheErrorNamesThemNotTheEnginesStar() throws Exception {
        Path config = config("[\"archive.*\", \"public.events_2*\"]", "{}");
        CliIT.Result r = CliIT.sluice("sync", config.toString());
        assertThat(r.code()).isEqualTo(2);
        String at = "  " + config + ", document 1, field spec.spec.tables: source shop (cloudquery/postgresql): ";
        assertThat(r.err()).isEqualTo("error: invalid configuration:\n"
                + at + "\"archive.*\" selects no table of the database: it matches no table, view or partition; "
                + "the postgresql source reads ordinary and partitioned tables, views and materialized views\n"
                + at + "\"public.events_2*\" selects no table of the database: it matches public.events_2024 (a partition of "
                + "public.events, which its parent reads); the postgresql source reads ordinary and partitioned tables, views"
                + " and materialized views\n");
        assertThat(files()).containsExactly("shop.yml");
    }

    @Test
    void anEnginePatternThatMatchesNothingListsWhatTheSourceOffers() throws Exception {
        Path config = config("[\"public.orders\", \"public.grid\"]", "{}");
        Files.writeString(config, Files.readString(config).replace("tables: [\"*\"]", "tables: [\"order\"]"));
        CliIT.Result r = CliIT.sluice("sync", config.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: invalid configuration:\n  " + config + ", document 1, field spec.tables: source shop "
                + "(cloudquery/postgresql): tables has a pattern \"order\" that matches no table of this source (it offers grid, orders)\n");
        assertThat(files()).containsExactly("shop.yml");
    }

    @Test
    void aMultiDimensionalArrayFailsItsTableNamingTableAndColumnAndTheOthersSync() throws Exception {
        Path config = config("[\"public.orders\", \"public.grid\"]", "{}");
        CliIT.Result r = CliIT.sluice("sync", config.toString(), "--log-level", "error");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("  FAILED grid: postgresql: table \"grid\", column \"cells\": a row holds an array of 2"
                + " dimensions, but the column is declared with 1 (PostgreSQL does not enforce an array column's dimensions);"
                + " declare the column with as many dimensions as its arrays have, or skip the table\n");
        assertThat(r.out()).containsPattern("\\n  orders +20 +0 ");
        assertThat(r.out() + r.err()).doesNotContain("java.").doesNotContain("Exception").doesNotContain("[L");
    }
}
