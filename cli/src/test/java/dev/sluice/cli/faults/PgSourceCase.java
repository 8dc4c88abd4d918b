package dev.sluice.cli.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * A crash case PostgreSQL to PostgreSQL: the postgresql source over a database of its own with
 * {@code items} (incremental on {@code updated_at}, indexed, with ties on the cursor) and
 * {@code accounts} (full). Between rounds the source changes: new items, items updated to a
 * newer {@code updated_at} (a new row version), accounts inserted, renamed and deleted.
 *
 * <p>The rules checked, against the source's rows:
 * <ul>
 *   <li>items, overwrite modes: exactly the source's (id, updated_at) pairs.</li>
 *   <li>items, append: no (id, updated_at) twice; every current version present; any other
 *       version of an id older than its current one (a row version is appended once, a new
 *       version is appended).</li>
 *   <li>items, any moment: every source row at or before the stored cursor (updated_at, id)
 *       is present at its version: the cursor is never ahead of the rows.</li>
 *   <li>accounts: overwrite-delete-stale exactly the source; overwrite every source row with its
 *       current name, once, plus only ids the source had and deleted; append: no id twice within
 *       a sync, and the last sync's snapshot equals the source.</li>
 * </ul>
 */
final class PgSourceCase implements CrashCase, AutoCloseable {
    static final String SOURCE = "shop";
    private static final String DEST = "dest";

    private final PgScratch src;
    private final Target target;
    private final String writeMode;
    private final boolean backendState;
    private final int pageSize;
    private final Random random;
    private final Set<Long> accountIdsEver = new HashSet<>();

    PgSourceCase(Target target, String writeMode, boolean backendState, long items, int pageSize, Random random) throws SQLException {
        this.src = PgScratch.create("src");
        this.target = target;
        this.writeMode = writeMode;
        this.backendState = backendState;
        this.pageSize = pageSize;
        this.random = random;
        try (Connection c = src.connect(); Statement st = c.createStatement()) {
            st.execute("create table items (id bigint primary key, updated_at timestamp not null, payload text)");
            st.execute("create index items_updated_at on items (updated_at)");
            st.execute("insert into items select i, timestamp '2024-01-01' + (i / 3) * interval '1 second', md5(i::text) "
                    + "from generate_series(1, " + items + ") i");
            st.execute("create table accounts (id bigint primary key, name text)");
            st.execute("insert into accounts select i, 'account ' || i from generate_series(1, " + Math.max(1, items / 3) + ") i");
            st.execute("analyze");
        }
        rememberAccounts();
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public String describe() {
        return "postgresql -> postgresql " + writeMode + ", cursors in " + (backendState ? "backend_options" : "the destination");
    }

    @Override
    public String config(int round) throws SQLException {
        if (round > 1) {
            changeSource();
        }
        String backend = backendState ? """
                  backend_options:
                    table_name: %s
                    connection: "%s"
                """.formatted(Target.BACKEND_TABLE, target.backendConnection(DEST)) : "";
        return """
                kind: source
                spec:
                  name: %s
                  path: cloudquery/postgresql
                  tables: ["*"]
                  destinations: [%s]
                %s  spec:
                    connection_string: "%s"
                    tables: ["public.items", "public.accounts"]
                    page_size: %d
                    incremental: {public.items: updated_at}
                ---
                """.formatted(SOURCE, DEST, backend, src.url(), pageSize) + target.destinationDoc(DEST, writeMode);
    }

    /** New items, newer versions of some, and accounts added, renamed and deleted; all seeded. */
    private void changeSource() throws SQLException {
        int added = 1 + random.nextInt(2000);
        int updated = random.nextInt(500);
        int deleted = random.nextInt(200);
        long salt = random.nextLong();
        try (Connection c = src.connect(); Statement st = c.createStatement()) {
            st.execute("insert into items select m + i, (select max(updated_at) from items) + (i / 2) * interval '1 second', 'new' "
                    + "from (select max(id) m from items) x, generate_series(1, " + added + ") i");
            st.execute("update items set updated_at = (select max(updated_at) from items) + interval '1 minute', payload = 'updated' "
                    + "where id in (select id from items order by md5(id::text || '" + salt + "') limit " + updated + ")");
            st.execute("delete from accounts where id in (select id from accounts order by md5(id::text || '" + salt + "') limit " + deleted + ")");
            st.execute("update accounts set name = name || ' renamed' where id % 7 = " + Math.floorMod(salt, 7));
            st.execute("insert into accounts select m + i, 'account ' || (m + i) from (select max(id) m from accounts) x, "
                    + "generate_series(1, " + (1 + random.nextInt(300)) + ") i");
        }
        rememberAccounts();
    }

    private void rememberAccounts() throws SQLException {
        try (Connection c = src.connect()) {
            accountIdsEver.addAll(accounts(c, "").keySet());
        }
    }

    private String stateTable() {
        return backendState ? Target.BACKEND_TABLE : "cq_state_" + SOURCE;
    }

    @Override
    public Optional<String> stateValue(String key) throws SQLException {
        try (Connection c = backendState ? target.connectBackend() : target.connect()) {
            return Sql.state(c, stateTable(), key);
        }
    }

    @Override
    public Findings checkAnyTime() throws SQLException {
        Findings f = new Findings();
        try (Connection d = target.connect()) {
            if (Sql.tableExists(d, "items")) {
                long[] r = Sql.longs(d, "select count(*), count(distinct (id, updated_at)), count(distinct id) from items");
                f.rowsChecked += r[0];
                f.duplicates("items (id, updated_at)", r[0] - r[1]);
                if (!append()) {
                    f.duplicates("items id", r[0] - r[2]);
                }
                cursorNotAhead(d, f);
            }
            if (Sql.tableExists(d, "accounts")) {
                String group = append() ? " group by _cq_sync_time" : "";
                long[] r = Sql.longs(d, "select coalesce(sum(n), 0), coalesce(sum(n - k), 0) from (select count(*) n, "
                        + "count(distinct id) k from accounts" + group + ") x");
                f.rowsChecked += r[0];
                f.duplicates("accounts" + (append() ? " (within a sync)" : ""), r[1]);
            }
        }
        return f;
    }

    /** Every source row at or before the stored cursor is in the destination at its version. */
    private void cursorNotAhead(Connection d, Findings f) throws SQLException {
        Optional<String> cursor = stateValue("items");
        if (cursor.isEmpty()) {
            return;
        }
        String[] parts = cursor.get().replaceAll("^\\[\"|\"\\]$", "").split("\",\"");
        Set<String> present = new HashSet<>();
        try (ResultSet rs = d.createStatement().executeQuery("select id, updated_at::text from items")) {
            while (rs.next()) {
                present.add(rs.getLong(1) + "@" + rs.getString(2));
            }
        }
        long missing = 0;
        try (Connection s = src.connect();
             PreparedStatement st = s.prepareStatement(
                     "select id, updated_at::text from items where (updated_at, id) <= (?::timestamp, ?::bigint)")) {
            st.setString(1, parts[0]);
            st.setString(2, parts[1]);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    missing += present.contains(rs.getLong(1) + "@" + rs.getString(2)) ? 0 : 1;
                }
            }
        }
        f.cursorAhead += missing;
        f.expect(missing == 0, "cursor " + cursor.get() + " is ahead of " + missing + " source row(s) missing from the destination");
    }

    @Override
    public Findings checkComplete(int round) throws SQLException {
        Findings f = checkAnyTime();
        try (Connection d = target.connect(); Connection s = src.connect()) {
            Map<Long, String> source = items(s);
            Map<Long, Set<String>> dest = new HashMap<>();
            try (ResultSet rs = d.createStatement().executeQuery("select id, updated_at::text from items")) {
                while (rs.next()) {
                    dest.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2));
                }
            }
            long lost = 0;
            long wrong = 0;
            for (Map.Entry<Long, String> e : source.entrySet()) {
                Set<String> versions = dest.getOrDefault(e.getKey(), Set.of());
                lost += versions.contains(e.getValue()) ? 0 : 1;
                for (String v : versions) {
                    // timestamps of one type and format: text order is time order
                    wrong += v.equals(e.getValue()) || (append() && v.compareTo(e.getValue()) < 0) ? 0 : 1;
                }
            }
            wrong += dest.keySet().stream().filter(id -> !source.containsKey(id)).count();
            f.lost("items", lost);
            f.expect(wrong == 0, "items: " + wrong + " row version(s) the source does not explain");
            Optional<String> cursor = stateValue("items");
            f.expect(cursor.isPresent(), "no cursor stored for items after a complete sync");
            checkAccounts(d, s, f);
        }
        Optional<String> lease = stateValue("sluice_lease:" + SOURCE);
        f.expect(lease.map(v -> v.contains("\"released\":true")).orElse(false), "lease not released after a complete sync: " + lease);
        return f;
    }

    private void checkAccounts(Connection d, Connection s, Findings f) throws SQLException {
        Map<Long, String> source = accounts(s, "");
        String scope = append() ? " where _cq_sync_time = (select max(_cq_sync_time) from accounts)" : "";
        Map<Long, String> dest = accounts(d, scope);
        long lost = source.entrySet().stream().filter(e -> !e.getValue().equals(dest.get(e.getKey()))).count();
        long extra = dest.keySet().stream().filter(id -> !source.containsKey(id)).count();
        long unexplained = dest.keySet().stream().filter(id -> !accountIdsEver.contains(id)).count();
        f.lost("accounts" + (append() ? " (last snapshot)" : ""), lost);
        f.expect(unexplained == 0, "accounts: " + unexplained + " ids the source never had");
        f.expect(writeMode.equals("overwrite") || extra == 0, "accounts: " + extra + " rows deleted at the source still there");
    }

    private static Map<Long, String> items(Connection c) throws SQLException {
        Map<Long, String> out = new HashMap<>();
        try (ResultSet rs = c.createStatement().executeQuery("select id, updated_at::text from items")) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getString(2));
            }
        }
        return out;
    }

    private static Map<Long, String> accounts(Connection c, String where) throws SQLException {
        Map<Long, String> out = new HashMap<>();
        try (ResultSet rs = c.createStatement().executeQuery("select id, name from accounts" + where)) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getString(2));
            }
        }
        return out;
    }

    private boolean append() {
        return writeMode.equals("append");
    }

    @Override
    public void close() {
        src.close();
    }
}
