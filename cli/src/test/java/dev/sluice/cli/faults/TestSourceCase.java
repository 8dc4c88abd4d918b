package dev.sluice.cli.faults;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;

/**
 * A crash case over the built-in test source: one destination, one write mode, cursors in the
 * destination's {@code cq_state_faults} or in {@code backend_options}, and the checks of what
 * the tables must hold (the source is deterministic, so the checks know every row).
 *
 * <p>The rules checked, per table:
 * <ul>
 *   <li>test_incremental_table (any mode): after generation g it holds ids 0..n(g+1)-1, each
 *       exactly once (its rows never change, so even append has one version per id); the stored
 *       cursor is never ahead of the rows: every id up to the cursor's row is present.</li>
 *   <li>full tables under overwrite-delete-stale: exactly the rows of the last generation.</li>
 *   <li>full tables under overwrite: every row of the last generation, each once, and nothing
 *       else but ids ending in 9 left from an earlier even generation (overwrite never deletes).</li>
 *   <li>full tables under append: every sync is a snapshot. Within one {@code _cq_sync_time}
 *       no key appears twice (a killed sync leaves a partial snapshot, as CloudQuery does), and
 *       the snapshot of the last sync, which completed, is whole.</li>
 * </ul>
 */
final class TestSourceCase implements CrashCase {
    static final String SOURCE = "faults";
    static final String DEST = "dest";
    static final String INCREMENTAL = "test_incremental_table";
    static final Instant BASE = Instant.parse("2024-01-01T00:00:00Z");
    private static final String SUB_KEY = "parent_id * 1000 + idx";

    private final Target target;
    private final String writeMode;
    private final boolean backendState;
    private final long numRows;
    private final int pageSize;
    private final Random random;
    private long generation;

    /** A round moves the source to its next generation or not, as {@code random} (the rounds' seeded one) says. */
    TestSourceCase(Target target, String writeMode, boolean backendState, long numRows, int pageSize, Random random) {
        this.target = target;
        this.writeMode = writeMode;
        this.backendState = backendState;
        this.numRows = numRows;
        this.pageSize = pageSize;
        this.random = random;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public String config(int round) {
        if (round > 1 && random.nextBoolean()) {
            generation++;
        }
        return configOf(generation);
    }

    @Override
    public Findings checkComplete(int round) throws SQLException {
        return checkGeneration(generation);
    }

    @Override
    public String describe() {
        return target.kind() + " " + writeMode + ", cursors in " + (backendState ? "backend_options" : "the destination");
    }

    String configOf(long generation) {
        String backend = backendState ? """
                  backend_options:
                    table_name: %s
                    connection: "%s"
                """.formatted(Target.BACKEND_TABLE, target.backendConnection(DEST)) : "";
        String source = """
                kind: source
                spec:
                  name: %s
                  path: cloudquery/test
                  tables: ["*"]
                  destinations: [%s]
                %s  spec: {num_rows: %d, num_sub_rows: 2, page_size: %d, generation: %d}
                """.formatted(SOURCE, DEST, backend, numRows, pageSize, generation);
        String docs = source + "---\n" + target.destinationDoc(DEST, writeMode);
        return backendState && !target.backendDocs().isEmpty() ? docs + "---\n" + target.backendDocs() : docs;
    }

    String stateTable() {
        return backendState ? Target.BACKEND_TABLE : "cq_state_" + SOURCE;
    }

    Connection connectState() throws SQLException {
        return backendState ? target.connectBackend() : target.connect();
    }

    @Override
    public Optional<String> stateValue(String key) throws SQLException {
        try (Connection c = connectState()) {
            return Sql.state(c, stateTable(), key);
        }
    }

    /** The id of the incremental row the stored cursor points at (row i has updated_at BASE + i s). */
    Optional<Long> cursorRow() throws SQLException {
        return stateValue(INCREMENTAL).map(v -> Duration.between(BASE, Instant.parse(v)).getSeconds());
    }

    private boolean append() {
        return writeMode.equals("append");
    }

    long someRows(long generation) {
        return generation % 2 == 0 ? numRows : numRows - numRows / 10;
    }

    /** What must hold at any moment, right after a kill too: no duplicates, cursor not ahead of its rows. */
    @Override
    public Findings checkAnyTime() throws SQLException {
        Findings f = new Findings();
        try (Connection c = target.connect()) {
            duplicates(c, f, "test_some_table", "id");
            duplicates(c, f, "test_sub_table", SUB_KEY);
            if (Sql.tableExists(c, INCREMENTAL)) {
                long[] r = Sql.longs(c, "select count(*), count(distinct id) from " + INCREMENTAL);
                f.rowsChecked += r[0];
                f.duplicates(INCREMENTAL, r[0] - r[1]);
            }
            Optional<Long> cursor = cursorRow();
            if (cursor.isPresent()) {
                long present = Sql.tableExists(c, INCREMENTAL)
                        ? Sql.one(c, "select count(distinct id) from " + INCREMENTAL + " where id <= ?", cursor.get()) : 0;
                long ahead = cursor.get() + 1 - present;
                f.cursorAhead += Math.max(0, ahead);
                f.expect(ahead <= 0, "cursor at row " + cursor.get() + " but only " + present + " of rows 0.." + cursor.get() + " present");
            }
        }
        return f;
    }

    private void duplicates(Connection c, Findings f, String table, String key) throws SQLException {
        if (!Sql.tableExists(c, table)) {
            return;
        }
        String perSnapshot = append() ? " group by _cq_sync_time" : "";
        long[] r = Sql.longs(c, "select coalesce(sum(n), 0), coalesce(sum(n - d), 0) from (select count(*) n, count(distinct "
                + key + ") d from " + table + perSnapshot + ") x");
        f.rowsChecked += r[0];
        f.duplicates(table + (append() ? " (within a sync)" : ""), r[1]);
    }

    /** After a sync of {@code generation} completed: the tables hold exactly what the rules above say. */
    Findings checkGeneration(long generation) throws SQLException {
        Findings f = checkAnyTime();
        f.rowsChecked = 0; // counted again below, by table
        try (Connection c = target.connect()) {
            long total = numRows * (generation + 1);
            long[] inc = Sql.longs(c, "select count(*), count(distinct id), sum(case when id < 0 or id >= ? then 1 else 0 end), "
                    + "sum(case when generation <> id / ? then 1 else 0 end) from " + INCREMENTAL, total, numRows);
            f.rowsChecked += inc[0];
            f.lost(INCREMENTAL, total - (inc[1] - inc[2]));
            f.expect(inc[2] == 0 && inc[3] == 0, INCREMENTAL + ": " + inc[2] + " rows the source never had, " + inc[3] + " wrong");
            Optional<Long> cursor = cursorRow();
            f.expect(cursor.equals(Optional.of(total - 1)), "cursor " + cursor + " after a complete sync, expected row " + (total - 1));
            full(c, f, "test_some_table", "id", someRows(generation), generation);
            full(c, f, "test_sub_table", SUB_KEY, 2 * someRows(generation), generation);
        }
        Optional<String> lease = stateValue("sluice_lease:" + SOURCE);
        f.expect(lease.map(v -> v.contains("\"released\":true")).orElse(false), "lease not released after a complete sync: " + lease);
        return f;
    }

    private void full(Connection c, Findings f, String table, String key, long expected, long generation) throws SQLException {
        String scope = append() ? " where _cq_sync_time = (select max(_cq_sync_time) from " + table + ")" : "";
        long[] r = Sql.longs(c, "select count(*), count(distinct case when generation = ? then " + key + " end), "
                + "sum(case when generation = ? then 0 else 1 end), sum(case when generation <> ? and id_9 = 0 then 1 else 0 end) "
                + "from (select *, " + (table.equals("test_sub_table") ? "parent_id" : "id") + " % 10 / 9 as id_9 from " + table + ") t"
                + scope, generation, generation, generation);
        f.rowsChecked += Sql.one(c, "select count(*) from " + table);
        f.lost(table + " (generation " + generation + ")", expected - r[1]);
        long other = r[2];
        long otherNot9 = r[3];
        switch (writeMode) {
            case "overwrite-delete-stale" -> f.expect(other == 0, table + ": " + other + " stale rows left after delete-stale");
            case "overwrite" -> f.expect(otherNot9 == 0 && (generation % 2 == 1 || other == 0),
                    table + ": " + other + " rows of another generation that overwrite should have replaced");
            default -> f.expect(other == 0, table + ": the last sync's snapshot holds " + other + " rows of another generation");
        }
    }
}
