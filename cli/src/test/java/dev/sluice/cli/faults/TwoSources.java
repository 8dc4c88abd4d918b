package dev.sluice.cli.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Two sources into one destination, in two config files for two processes: {@code alpha} (the
 * test source's test_some_table with its child) and {@code beta} (its incremental table), both
 * overwrite-delete-stale, each with its state table and lease in the destination.
 */
record TwoSources(Target target, long numRows, int pageSize) {
    List<Path> write(Path dir) throws java.io.IOException {
        return List.of(Files.writeString(dir.resolve("alpha.yml"), config("alpha", "[test_some_table, test_sub_table]")),
                Files.writeString(dir.resolve("beta.yml"), config("beta", "[test_incremental_table]")));
    }

    private String config(String name, String tables) {
        return """
                kind: source
                spec:
                  name: %s
                  path: cloudquery/test
                  tables: %s
                  destinations: [dest]
                  spec: {num_rows: %d, num_sub_rows: 2, page_size: %d}
                ---
                """.formatted(name, tables, numRows, pageSize) + target.destinationDoc("dest", "overwrite-delete-stale");
    }

    Findings check() throws SQLException {
        Findings f = new Findings();
        try (Connection c = target.connect()) {
            table(c, f, "test_some_table", "id", "alpha", numRows);
            table(c, f, "test_sub_table", "parent_id * 1000 + idx", "alpha", 2 * numRows);
            table(c, f, "test_incremental_table", "id", "beta", numRows);
            for (String source : List.of("alpha", "beta")) {
                String lease = Sql.state(c, "cq_state_" + source, "sluice_lease:" + source).orElse("");
                f.expect(lease.contains("\"released\":true"), source + ": lease not released: " + lease);
            }
        }
        return f;
    }

    private static void table(Connection c, Findings f, String table, String key, String source, long expected) throws SQLException {
        long[] r = Sql.longs(c, "select count(*), count(distinct " + key + "), sum(case when _cq_source_name = ? then 0 else 1 end) from "
                + table, source);
        f.rowsChecked += r[0];
        f.lost(table, expected - r[1]);
        f.duplicates(table, r[0] - r[1]);
        f.expect(r[2] == 0, table + ": " + r[2] + " rows not from source " + source);
    }
}
