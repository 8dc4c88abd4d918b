package dev.sluice.connector.postgresql;

import static dev.sluice.connector.postgresql.PgSyncHarness.execute;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.connector.postgresql.SqliteForms.Stored;
import dev.sluice.connector.postgresql.source.PgSource;
import dev.sluice.connector.postgresql.source.PgSourceConfig;
import dev.sluice.connector.sqlite.SqliteConfig;
import dev.sluice.connector.sqlite.SqliteDestination;
import dev.sluice.engine.sync.SyncReport;
import dev.sluice.engine.sync.TableReport;
import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.Spec;
import dev.sluice.spi.Table;
import dev.sluice.spi.TableSchema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL → SQLite of every data type ({@link EveryType}), through the engine with a config
 * as a user writes it: every column is declared as the README's SQLite table says for its type;
 * every value, read from the file with plain JDBC ({@code typeof} and the raw value), is the
 * stored form that table documents, worked out from PostgreSQL's own text for the source value
 * ({@link SqliteForms}); and reading the table back through the destination gives the Java values
 * the source read. Each check reports every difference at once.
 */
class PgToSqliteEveryTypeIT {
    /** The expression whose text is the value the source reads (README, PostgreSQL, Source): money as its amount, composites as JSON. */
    private static final Map<String, String> READS_AS = Map.of("c_money", "%s::numeric", "c_money_array", "%s::numeric[]",
            "c_pair", "to_jsonb(%s)", "c_pair_array", "to_jsonb(%s)");
    private static final Column ID = Column.primaryKey("id", ColumnType.INT64);

    @TempDir
    static Path dir;
    private static PgSyncHarness h;
    private static Path file;
    private static SyncReport report;

    @BeforeAll
    static void sync() {
        h = new PgSyncHarness(dir);
        execute(h.source, EveryType.sql());
        file = dir.resolve("out/every.sqlite");
        report = h.sync("""
                kind: source
                spec:
                  name: pg
                  path: cloudquery/postgresql
                  tables: ["*"]
                  destinations: [lite]
                  spec:
                    connection_string: "%s"
                    page_size: 2
                ---
                kind: destination
                spec:
                  name: lite
                  path: cloudquery/sqlite
                  write_mode: overwrite-delete-stale
                  spec:
                    connection_string: "%s"
                """.formatted(h.source.url(), file));
    }

    @AfterAll
    static void drop() {
        h.close();
    }

    @Test
    void theTableSyncsEveryRow() {
        TableReport t = PgSyncHarness.table(report, EveryType.TABLE);
        assertThat(t.error()).isEmpty();
        assertThat(t.rows()).isEqualTo(EveryType.rows());
    }

    @Test
    void everyColumnIsDeclaredAsTheReadmeSays() throws SQLException {
        SqliteReadme readme = SqliteReadme.read();
        Map<String, String> declared = new LinkedHashMap<>();
        try (Connection c = sqlite(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA table_info(" + sqliteQuote(EveryType.TABLE) + ")")) {
            while (rs.next()) {
                declared.put(rs.getString("name"), rs.getString("type"));
            }
        }
        List<String> differences = new ArrayList<>();
        for (Column c : sourceColumns()) {
            String wanted = readme.declared(c.type());
            if (!wanted.equals(declared.get(c.name()))) {
                differences.add(EveryType.TABLE + "." + c.name() + " (" + c.type().displayName() + "): declared "
                        + declared.get(c.name()) + ", the README says " + wanted);
            }
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void everyValueIsStoredInItsDocumentedForm() throws SQLException {
        Map<Long, List<Stored>> expected = expectedStored();
        Map<Long, List<Stored>> actual = actualStored();
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        List<Column> columns = sourceColumns();
        List<String> differences = new ArrayList<>();
        expected.forEach((id, row) -> {
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                Stored want = row.get(i);
                Stored got = actual.get(id).get(i);
                if (!same(c.type(), want, got)) {
                    differences.add(EveryType.TABLE + "." + c.name() + " id=" + id + ": expected " + want + ", stored " + got);
                }
            }
        });
        assertThat(differences).isEmpty();
    }

    @Test
    void readingTheTableBackGivesTheValuesTheSourceRead() {
        List<List<Object>> read;
        Table table;
        try (PgSource source = new PgSource(PgSourceConfig.parse(new Spec(Map.of("connection_string", h.source.url(),
                "tables", List.of(EveryType.TABLE), "page_size", 2))))) {
            source.open();
            table = PgSourceEveryTypeIT.table(source, EveryType.TABLE);
            read = PgSourceEveryTypeIT.readAll(source, table);
        }
        List<Object[]> back;
        try (SqliteDestination destination = new SqliteDestination(new SqliteConfig(Optional.of(file)))) {
            destination.open();
            back = new ArrayList<>(destination.readAll(new TableSchema(table.name(), table.columns(), table.primaryKey(), List.of())));
        }
        back.sort(Comparator.comparing(r -> (Long) r[0]));
        assertThat(back).hasSameSizeAs(read);
        List<String> differences = new ArrayList<>();
        for (int r = 0; r < read.size(); r++) {
            for (int i = 0; i < table.columns().size(); i++) {
                Column c = table.columns().get(i);
                Object want = readBack(read.get(r).get(i));
                Object got = back.get(r)[i];
                if (!comparable(want).equals(comparable(got))) {
                    differences.add(EveryType.TABLE + "." + c.name() + " id=" + read.get(r).get(0) + ": the source read "
                            + comparable(want) + ", read back " + comparable(got));
                }
            }
        }
        assertThat(differences).isEmpty();
    }

    /** What the README says reads back for a value the source read: the value itself, but a zero real without its sign. */
    private static Object readBack(Object value) {
        if (value instanceof Double d && d == 0) {
            return 0.0;
        }
        return value instanceof Float f && f == 0 ? 0.0f : value;
    }

    private static Object comparable(Object v) {
        if (v instanceof byte[] b) {
            return "bytes " + HexFormat.of().formatHex(b);
        }
        if (v instanceof List<?> list) {
            return list.stream().map(PgToSqliteEveryTypeIT::comparable).toList();
        }
        return v == null ? "null" : v.getClass().getSimpleName() + " " + v;
    }

    /** Equal, a list's JSON compared as {@link SqliteForms#canonicalList} reduces it. */
    private static boolean same(ColumnType type, Stored want, Stored got) {
        if (type instanceof ColumnType.ListType l && want.storage().equals("text") && got.storage().equals("text")) {
            return SqliteForms.canonicalList(l, want.value()).equals(SqliteForms.canonicalList(l, got.value()));
        }
        return want.equals(got);
    }

    /** Per id, each column's documented stored form, from PostgreSQL's text for the source value. */
    private static Map<Long, List<Stored>> expectedStored() throws SQLException {
        List<EveryType.Col> columns = EveryType.COLUMNS;
        String select = "SELECT id, " + columns.stream().map(PgToSqliteEveryTypeIT::pgText).collect(Collectors.joining(", "))
                + " FROM " + EveryType.TABLE + " ORDER BY id";
        Map<Long, List<Stored>> out = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        try (Connection c = h.source.connect(); Statement st = c.createStatement()) {
            for (String s : SqliteForms.SESSION) {
                st.execute(s);
            }
            try (ResultSet rs = st.executeQuery(select)) {
                while (rs.next()) {
                    List<Stored> row = new ArrayList<>(List.of(SqliteForms.scalar(ColumnType.INT64, rs.getString(1))));
                    int at = 2;
                    for (EveryType.Col col : columns) {
                        if (col.type() instanceof ColumnType.ListType l) {
                            String dims = rs.getString(at++);
                            String elements = rs.getString(at++);
                            row.add(rs.getString(at++) == null ? Stored.NULL : new Stored("text", SqliteForms.list(l,
                                    elements == null ? List.of() : json.readValue(elements, new TypeReference<List<String>>() { }),
                                    lengths(dims))));
                        } else {
                            row.add(SqliteForms.scalar(col.type(), rs.getString(at++)));
                        }
                    }
                    out.put(rs.getLong(1), row);
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /**
     * A column's value as PostgreSQL prints it (its output function: {@code concat}, as a cast to
     * text would strip a char(n)'s padding); for an array, its dimensions, its elements' texts in
     * order as a JSON array of strings, and whether it is NULL.
     */
    private static String pgText(EveryType.Col col) {
        String q = PgNames.quote(col.name());
        String v = READS_AS.containsKey(col.name()) ? String.format(READS_AS.get(col.name()), q) : q;
        if (col.type() instanceof ColumnType.ListType) {
            return "array_dims(" + v + "), (SELECT json_agg(CASE WHEN u.e IS NULL THEN NULL ELSE concat(u.e) END ORDER BY u.n)"
                    + " FROM unnest(" + v + ") WITH ORDINALITY AS u(e, n)), CASE WHEN " + v + " IS NULL THEN NULL ELSE 1 END";
        }
        return "CASE WHEN " + v + " IS NULL THEN NULL ELSE concat(" + v + ") END";
    }

    /** {@code [0:1][1:3]} → [2, 3]; NULL (an empty array) → []. */
    private static List<Integer> lengths(String dims) {
        if (dims == null) {
            return List.of();
        }
        return Arrays.stream(dims.substring(1, dims.length() - 1).split("\\]\\["))
                .map(d -> Integer.parseInt(d.substring(d.indexOf(':') + 1)) - Integer.parseInt(d.substring(0, d.indexOf(':'))) + 1)
                .toList();
    }

    /** Per id, each column's {@code typeof} and raw value, straight from the file. */
    private static Map<Long, List<Stored>> actualStored() throws SQLException {
        List<Column> columns = sourceColumns();
        String select = "SELECT " + columns.stream().map(c -> "typeof(" + sqliteQuote(c.name()) + "), " + sqliteQuote(c.name()))
                .collect(Collectors.joining(", ")) + " FROM " + sqliteQuote(EveryType.TABLE);
        Map<Long, List<Stored>> out = new TreeMap<>();
        try (Connection c = sqlite(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(select)) {
            while (rs.next()) {
                List<Stored> row = new ArrayList<>();
                for (int i = 0; i < columns.size(); i++) {
                    String storage = rs.getString(2 * i + 1);
                    int at = 2 * i + 2;
                    row.add(switch (storage) {
                        case "null" -> Stored.NULL;
                        case "integer" -> new Stored(storage, Long.toString(rs.getLong(at)));
                        case "real" -> new Stored(storage, Double.toString(rs.getDouble(at)));
                        case "blob" -> new Stored(storage, HexFormat.of().formatHex(rs.getBytes(at)));
                        default -> new Stored(storage, rs.getString(at));
                    });
                }
                out.put(Long.parseLong(row.get(0).value()), row);
            }
        }
        return out;
    }

    /** id, then every column of {@link EveryType}, with the types the source reads. */
    private static List<Column> sourceColumns() {
        List<Column> out = new ArrayList<>(List.of(ID));
        EveryType.COLUMNS.forEach(c -> out.add(new Column(c.name(), c.type(), false, c.notNull())));
        return out;
    }

    private static Connection sqlite() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    private static String sqliteQuote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
