package dev.sluice.connector.postgresql;

import static dev.sluice.connector.postgresql.PgNames.quote;
import static dev.sluice.connector.postgresql.PgSyncHarness.execute;
import static dev.sluice.connector.postgresql.PgSyncHarness.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.sync.SyncReport;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Tables with hostile names and random values, created in a real PostgreSQL database and synced
 * PostgreSQL → PostgreSQL: every table and column arrives under its own name (so every name was
 * quoted), and every row arrives equal, as the destination stores each type.
 */
class PgNamesAndValuesPropertiesIT {
    private static final String PUBLIC_TABLES = "SELECT relname FROM pg_class"
            + " WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p')"
            + " AND relname NOT LIKE 'cq\\_state\\_%'"; // the source's lease and cursors, beside its rows
    private static final String COLUMNS = "SELECT attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
            + " WHERE c.relnamespace = 'public'::regnamespace AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped"
            + " AND attname NOT LIKE '\\_cq\\_%' ORDER BY a.attnum";

    private static PgSyncHarness h;

    @BeforeContainer
    static void databases() throws IOException {
        h = new PgSyncHarness(Files.createTempDirectory("sluice-pg-props"));
    }

    @AfterContainer
    static void dropDatabases() {
        h.close();
    }

    /** 10 syncs of one to three tables each (with case twins, up to six). */
    @Property(tries = 10)
    void hostileNamesAndValuesArriveEqual(@ForAll("tableSets") List<RandomTable> tables) {
        execute(h.source, "DROP SCHEMA public CASCADE", "CREATE SCHEMA public");
        execute(h.destination, "DROP SCHEMA public CASCADE", "CREATE SCHEMA public");
        for (RandomTable t : tables) {
            create(t);
        }
        SyncReport report = h.sync(h.config("page_size: 2", "overwrite-delete-stale"));
        assertThat(report.succeeded()).as("%s", report).isTrue();

        Set<String> sourceTables = new HashSet<>(column(rows(h.source, PUBLIC_TABLES)));
        assertThat(new HashSet<>(column(rows(h.destination, PUBLIC_TABLES)))).isEqualTo(sourceTables);
        for (RandomTable t : tables) {
            String stored = RandomTable.stored(t.name());
            List<String> columns = t.columns().stream().map(c -> RandomTable.stored(c.name())).toList();
            assertThat(columnsOf(h.destination, stored)).as("columns of %s", stored).isEqualTo(columns);
            String asStored = t.columns().stream().map(c -> c.kind().asStored(quote(RandomTable.stored(c.name()))))
                    .collect(Collectors.joining(", "));
            assertThat(sorted(rows(h.destination, "SELECT " + PgNames.quoteAll(columns) + " FROM " + quote(stored))))
                    .as("rows of %s", stored)
                    .isEqualTo(sorted(rows(h.source, "SELECT " + asStored + " FROM " + quote(stored))));
        }
    }

    @Provide
    Arbitrary<List<RandomTable>> tableSets() {
        return RandomTable.tables().list().ofMinSize(1).ofMaxSize(3)
                .map(PgNamesAndValuesPropertiesIT::withCaseTwins);
    }

    /** Tables with distinct stored names; the first one also under its name with the case swapped. */
    private static List<RandomTable> withCaseTwins(List<RandomTable> tables) {
        List<RandomTable> out = new ArrayList<>();
        Set<String> stored = new HashSet<>();
        for (RandomTable t : tables) {
            if (stored.add(RandomTable.stored(t.name()))) {
                out.add(t);
            }
        }
        RandomTable first = out.get(0);
        String twin = RandomTable.swapCase(first.name());
        if (stored.add(RandomTable.stored(twin))) {
            out.add(new RandomTable(twin, first.columns(), first.keyed(), first.rows()));
        }
        return out;
    }

    private static void create(RandomTable t) {
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < t.columns().size(); i++) {
            RandomTable.RandomColumn c = t.columns().get(i);
            columns.add(quote(c.name()) + " " + c.kind().declared + (i == 0 && t.keyed() ? " PRIMARY KEY" : ""));
        }
        execute(h.source, "CREATE TABLE " + quote(t.name()) + " (" + String.join(", ", columns) + ")");
        String insert = "INSERT INTO " + quote(t.name()) + " VALUES (" + t.columns().stream()
                .map(c -> "CAST(? AS " + c.kind().declared + ")").collect(Collectors.joining(", ")) + ")";
        try (Connection c = h.source.connect(); PreparedStatement ps = c.prepareStatement(insert)) {
            for (List<Object> row : t.rows()) {
                for (int i = 0; i < row.size(); i++) {
                    bind(c, ps, i + 1, t.columns().get(i).kind(), row.get(i));
                }
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("inserting into " + t.name() + ": " + e.getMessage(), e);
        }
    }

    private static void bind(Connection c, PreparedStatement ps, int index, PgColumnKind kind, Object value)
            throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else if (kind.isArray()) {
            ps.setArray(index, c.createArrayOf(kind.elementType(), ((List<?>) value).toArray()));
        } else {
            ps.setString(index, value.toString());
        }
    }

    private static List<String> columnsOf(PgTestDatabase db, String table) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(COLUMNS)) {
            ps.setString(1, table);
            List<String> out = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static List<String> column(List<List<String>> rows) {
        return rows.stream().map(r -> r.get(0)).toList();
    }

    private static List<List<String>> sorted(List<List<String>> rows) {
        return rows.stream().sorted(Comparator.comparing(Object::toString)).toList();
    }
}
