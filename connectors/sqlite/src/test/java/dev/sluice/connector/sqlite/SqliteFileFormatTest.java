package dev.sluice.connector.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.spi.ColumnType;
import dev.sluice.spi.Destination;
import dev.sluice.spi.MigrateMode;
import dev.sluice.spi.TableSchema;
import dev.sluice.testkit.CqSchema;
import dev.sluice.spi.Interval;
import dev.sluice.testkit.TypeSamples;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file as any SQLite client sees it: the documented declared types and value forms. */
class SqliteFileFormatTest {
    private static final TableSchema TABLE = CqSchema.table("typed")
            .column("flag", ColumnType.BOOL).column("n", ColumnType.INT64).column("big", ColumnType.UINT64)
            .column("x", ColumnType.FLOAT64).column("s", ColumnType.STRING).column("b", ColumnType.BYTES)
            .column("at", ColumnType.TIMESTAMP).column("u", ColumnType.UUID).column("doc", ColumnType.JSON)
            .column("tags", ColumnType.STRING_LIST).column("nums", ColumnType.INT64_LIST)
            .primaryKey(CqSchema.ID).build();

    @TempDir
    Path dir;
    private Path file;
    private Destination destination;
    private int forms;

    @BeforeEach
    void open() {
        file = dir.resolve("db.sqlite");
        destination = new SqliteDestination(new SqliteConfig(Optional.of(file)));
        destination.open();
        destination.migrate(List.of(TABLE), MigrateMode.SAFE);
    }

    @AfterEach
    void close() {
        destination.close();
    }

    private Object[] row(int n, boolean flag, String at, double x) {
        return CqSchema.row(Instant.parse("2024-05-01T10:00:00Z"), "src", new UUID(1, n), null, flag, (long) n,
                BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE), x, "s" + n, new byte[] {1, 2},
                Instant.parse(at), new UUID(0xabcdefL, n), "{\"a\":" + n + "}", List.of("a", "b\""), List.of(1L, -2L));
    }

    @Test
    void columnsHaveTheDocumentedDeclaredTypes() throws SQLException {
        CqSchema.Builder b = CqSchema.table("all_types");
        TypeSamples.all().forEach(s -> b.column(s.column(), s.type()));
        destination.migrate(List.of(b.primaryKey(CqSchema.ID).build()), MigrateMode.SAFE);
        Map<String, String> types = new LinkedHashMap<>();
        try (Connection c = jdbc(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT name, type FROM pragma_table_info('all_types')")) {
            while (rs.next()) {
                types.put(rs.getString(1), rs.getString(2));
            }
        }
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("_cq_sync_time", "TIMESTAMP");
        expected.put("_cq_source_name", "TEXT");
        expected.put("_cq_id", "UUID_TEXT");
        expected.put("_cq_parent_id", "UUID_TEXT");
        expected.put("c_bool", "BOOLEAN");
        for (String c : List.of("c_int8", "c_int16", "c_int32", "c_int64", "c_uint8", "c_uint16", "c_uint32")) {
            expected.put(c, "INTEGER");
        }
        expected.put("c_uint64", "DECIMAL_TEXT");
        expected.put("c_float32", "REAL");
        expected.put("c_float64", "REAL");
        expected.put("c_decimal", "DECIMAL_TEXT");
        expected.put("c_numeric", "DECIMAL_TEXT");
        expected.put("c_date", "DATE_TEXT");
        expected.put("c_time", "TIME_TEXT");
        expected.put("c_timetz", "TIMETZ_TEXT");
        expected.put("c_timestamp", "TIMESTAMP");
        expected.put("c_local_timestamp", "DATETIME_TEXT");
        expected.put("c_interval", "DURATION_TEXT");
        expected.put("c_string", "TEXT");
        expected.put("c_varchar", "TEXT");
        expected.put("c_char", "TEXT");
        expected.put("c_bytes", "BLOB");
        expected.put("c_uuid", "UUID_TEXT");
        expected.put("c_json", "JSON_TEXT");
        expected.put("c_json_text", "JSON_TEXT");
        expected.put("c_inet", "INET_TEXT");
        expected.put("c_cidr", "INET_TEXT");
        expected.put("c_mac", "MACADDR_TEXT");
        expected.put("c_mac8", "MACADDR_TEXT");
        TypeSamples.all().stream().filter(s -> s.type().kind() == ColumnType.Kind.LIST)
                .forEach(s -> expected.put(s.column(), "JSON_ARRAY_TEXT"));
        assertThat(types).containsExactlyEntriesOf(expected);
    }

    @Test
    void indexesAndNullability() throws SQLException {
        Map<String, Integer> notNull = new LinkedHashMap<>();
        try (Connection c = jdbc(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT name, \"notnull\" FROM pragma_table_info('typed')")) {
            while (rs.next()) {
                notNull.put(rs.getString(1), rs.getInt(2));
            }
        }
        assertThat(notNull).containsEntry("_cq_id", 1).containsEntry("flag", 0);
        assertThat(strings("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'typed' AND sql IS NOT NULL"))
                .containsExactly("typed__sluice_source_sync_time");
    }

    /** Each type's stored form, as {@code typeof(v) || ':' || v} shows it (blobs in hex). */
    @Test
    void valuesHaveTheDocumentedForms() throws SQLException {
        BigInteger maxUint64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        assertForm(ColumnType.BOOL, true, "integer:1");
        assertForm(ColumnType.BOOL, false, "integer:0");
        assertForm(ColumnType.INT8, -128L, "integer:-128");
        assertForm(ColumnType.INT64, Long.MIN_VALUE, "integer:-9223372036854775808");
        assertForm(ColumnType.UINT32, 4_294_967_295L, "integer:4294967295");
        assertForm(ColumnType.UINT64, maxUint64, "text:18446744073709551615");
        assertForm(ColumnType.FLOAT64, 1.5, "real:1.5");
        assertForm(ColumnType.FLOAT64, Double.NaN, "text:NaN");
        assertForm(ColumnType.FLOAT64, Double.NEGATIVE_INFINITY, "real:-Inf");
        assertForm(ColumnType.FLOAT32, 1.5f, "real:1.5");
        assertForm(ColumnType.FLOAT32, Float.NaN, "text:NaN");
        assertForm(ColumnType.decimal(38, 10), new BigDecimal("1.10"), "text:1.10");
        assertForm(ColumnType.NUMERIC, new BigDecimal("1E+3"), "text:1000");
        assertForm(ColumnType.NUMERIC, new BigDecimal("-1E-10"), "text:-0.0000000001");
        assertForm(ColumnType.NUMERIC, Double.NaN, "text:NaN");
        assertForm(ColumnType.NUMERIC, Double.POSITIVE_INFINITY, "text:Infinity");
        assertForm(ColumnType.NUMERIC, Double.NEGATIVE_INFINITY, "text:-Infinity");
        assertForm(ColumnType.DATE, LocalDate.of(2024, 2, 29), "text:2024-02-29");
        assertForm(ColumnType.DATE, LocalDate.of(-4712, 1, 1), "text:-4712-01-01");
        assertForm(ColumnType.DATE, LocalDate.of(10_000, 1, 1), "text:+10000-01-01");
        assertForm(ColumnType.DATE, LocalDate.MAX, "text:infinity");
        assertForm(ColumnType.DATE, LocalDate.MIN, "text:-infinity");
        assertForm(ColumnType.TIME, LocalTime.parse("12:34:56.123456"), "text:12:34:56.123456");
        assertForm(ColumnType.TIME, LocalTime.MAX, "text:24:00:00");
        assertForm(ColumnType.TIMETZ, OffsetTime.parse("12:34:56.123456+05:30"), "text:12:34:56.123456+05:30");
        assertForm(ColumnType.TIMETZ, OffsetTime.parse("00:00:00Z"), "text:00:00:00.000000+00:00");
        assertForm(ColumnType.TIMESTAMP, Instant.parse("2024-02-29T12:34:56.123456Z"), "text:2024-02-29 12:34:56.123456");
        assertForm(ColumnType.TIMESTAMP, Instant.MAX, "text:infinity");
        assertForm(ColumnType.TIMESTAMP, Instant.MIN, "text:-infinity");
        assertForm(ColumnType.LOCAL_TIMESTAMP, LocalDateTime.parse("2024-02-29T12:34:56.123456"), "text:2024-02-29 12:34:56.123456");
        assertForm(ColumnType.LOCAL_TIMESTAMP, LocalDateTime.MIN, "text:-infinity");
        assertForm(ColumnType.INTERVAL, new Interval(14, 3, 4_000_005L), "text:P1Y2M3DT4.000005S");
        assertForm(ColumnType.INTERVAL, new Interval(-1, -2, -3L), "text:P-1M-2DT-0.000003S");
        assertForm(ColumnType.INTERVAL, Interval.ZERO, "text:PT0S");
        assertForm(ColumnType.fixedChar(5), "ab   ", "text:ab   ");
        assertForm(ColumnType.STRING, "20240101", "text:20240101");
        assertForm(ColumnType.BYTES, new byte[] {0, 1, (byte) 0xff}, "blob:0001FF");
        assertForm(ColumnType.UUID, new UUID(0xabcdefL, 1), "text:00000000-00ab-cdef-0000-000000000001");
        assertForm(ColumnType.JSON, "1.50", "text:1.50");
        assertForm(new ColumnType.JsonType(true), "{\"b\": 1,  \"b\": 2}", "text:{\"b\": 1,  \"b\": 2}");
        assertForm(ColumnType.CIDR, "10.0.0.0/8", "text:10.0.0.0/8");
        assertForm(ColumnType.INET, "2001:db8::1/64", "text:2001:db8::1/64");
        assertForm(ColumnType.MAC, "080027010203", "text:080027010203");
        assertForm(ColumnType.list(ColumnType.NUMERIC), Arrays.asList(new BigDecimal("1.10"), null), "text:[\"1.10\",null]");
        assertForm(ColumnType.list(ColumnType.UINT64), List.of(maxUint64), "text:[\"18446744073709551615\"]");
        assertForm(ColumnType.list(ColumnType.DATE), List.of(LocalDate.of(2024, 2, 29), LocalDate.MAX),
                "text:[\"2024-02-29\",\"infinity\"]");
        assertForm(ColumnType.list(ColumnType.BYTES), List.of(new byte[] {0, (byte) 0xff}), "text:[\"AP8=\"]");
        assertForm(ColumnType.list(ColumnType.FLOAT64), List.of(0.5, Double.NaN), "text:[0.5,\"NaN\"]");
        assertForm(ColumnType.list(ColumnType.INT64_LIST), List.of(List.of(1L, 2L), Arrays.asList((Long) null)),
                "text:[[1,2],[null]]");
    }

    @Test
    void sqliteFunctionsReadTheForms() throws SQLException {
        destination.write(TABLE, List.<Object[]>of(row(1, true, "2024-01-02T03:04:05.123456Z", 1.5),
                row(2, false, "1969-07-20T20:17:40Z", Double.NaN),
                row(3, true, "1900-01-01T00:00:00.000001Z", Double.POSITIVE_INFINITY)));
        assertThat(strings("SELECT at FROM typed ORDER BY at"))
                .as("text order is time order, before 1970 too")
                .containsExactly("1900-01-01 00:00:00.000001", "1969-07-20 20:17:40.000000", "2024-01-02 03:04:05.123456");
        assertThat(strings("SELECT strftime('%Y|%m|%d|%H|%M|%f', at) FROM typed WHERE n = 1"))
                .as("SQLite's date functions read it").containsExactly("2024|01|02|03|04|05.123");
        assertThat(strings("SELECT big || ' ' || typeof(big) FROM typed WHERE n = 1")).containsExactly("18446744073709551615 text");
        assertThat(strings("SELECT typeof(x) || ' ' || x FROM typed ORDER BY n")).containsExactly("real 1.5", "text NaN", "real Inf");
        assertThat(strings("SELECT tags || ' ' || json_extract(tags, '$[1]') || ' ' || json_array_length(nums) || ' ' || hex(b)"
                + " FROM typed WHERE n = 1")).containsExactly("[\"a\",\"b\\\"\"] b\" 2 0102");
        assertThat(strings("SELECT json_extract(doc, '$.a') FROM typed ORDER BY n")).containsExactly("1", "2", "3");

        TableSchema dated = CqSchema.table("dated").column("d", ColumnType.DATE).column("t", ColumnType.TIME)
                .column("lt", ColumnType.LOCAL_TIMESTAMP).column("ds", ColumnType.list(ColumnType.NUMERIC)).build();
        destination.migrate(List.of(dated), MigrateMode.SAFE);
        destination.write(dated, List.<Object[]>of(CqSchema.row(Instant.parse("2024-05-01T10:00:00Z"), "src", new UUID(0, 1), null,
                LocalDate.of(2024, 2, 29), LocalTime.parse("12:34:56.5"), LocalDateTime.parse("2024-02-29T23:59:59"),
                List.of(new BigDecimal("1.10"), new BigDecimal("-2")))));
        assertThat(strings("SELECT date(d, '+1 day') || ' ' || time(t, '+1 hour') || ' ' || datetime(lt, '+1 second')"
                + " || ' ' || json_extract(ds, '$[0]') || ' ' || CAST(json_extract(ds, '$[1]') AS INTEGER) FROM dated"))
                .containsExactly("2024-03-01 13:34:56 2024-03-01 00:00:00 1.10 -2");
    }

    /**
     * SQLite's affinity trap: a declared type with NUMERIC or INTEGER affinity (DECIMAL, DATE,
     * INTERVAL, JSON) turns text that looks like a number into one. Every declared type whose
     * values are text keeps such text as it is; the one text form in a NUMERIC column,
     * TIMESTAMP's, never looks like a number.
     */
    @Test
    void textFormsKeepTextThatLooksLikeANumber() throws SQLException {
        List<String> numberLike = List.of("1.10", "20240101", "18446744073709551615", " 12 ", "1e5", "-0", "080027010203");
        List<String> textNames = TypeSamples.all().stream().map(s -> SqliteTypes.declared(s.type())).distinct()
                .filter(n -> !List.of("BOOLEAN", "INTEGER", "REAL", "BLOB", "TIMESTAMP").contains(n)).toList();
        assertThat(textNames).contains("TEXT", "DECIMAL_TEXT", "DATE_TEXT", "DURATION_TEXT", "JSON_TEXT", "JSON_ARRAY_TEXT");
        for (String declared : textNames) {
            assertThat(storedAs(declared, numberLike)).as(declared).allMatch(s -> s.startsWith("text:"))
                    .containsExactlyElementsOf(numberLike.stream().map(v -> "text:" + v).toList());
        }
        for (String trap : List.of("DECIMAL", "NUMERIC", "DATE", "INTERVAL", "JSON", "UINT64_TEXT")) {
            assertThat(storedAs(trap, List.of("1.10"))).as(trap).containsExactly("real:1.1");
        }
        List<String> timestampForms = List.of("infinity", "-infinity", "+10000-01-01 00:00:00.000000",
                "-4712-01-01 00:00:00.000000", "2024-02-29 12:34:56.123456");
        assertThat(storedAs("TIMESTAMP", timestampForms)).containsExactlyElementsOf(timestampForms.stream().map(v -> "text:" + v).toList());
    }

    @Test
    void theStateTableHasCloudQuerysShape() throws SQLException {
        destination.stateStore("cq_state").orElseThrow().compareAndSet("k", OptionalLong.empty(), "v");
        assertThat(strings("SELECT name || ' ' || type || ' ' || pk FROM pragma_table_info('cq_state')"))
                .containsExactly("key TEXT 1", "value TEXT 0", "version NUMERIC(20,0) 0");
        assertThat(strings("SELECT key || '=' || value || ' v' || version FROM cq_state")).containsExactly("k=v v1");
    }

    @Test
    void rowsSurviveReopening() {
        destination.write(TABLE, List.<Object[]>of(row(1, true, "2024-01-02T03:04:05.123456Z", 1.5)));
        destination.close();
        destination = new SqliteDestination(new SqliteConfig(Optional.of(file)));
        destination.open();
        assertThat(destination.readAll(TABLE)).hasSize(1);
    }

    private void assertForm(ColumnType type, Object value, String form) throws SQLException {
        String table = "form_" + (++forms);
        TableSchema t = CqSchema.bare(table).column("v", type).build();
        destination.migrate(List.of(t), MigrateMode.SAFE);
        destination.write(t, List.<Object[]>of(new Object[] {value}));
        assertThat(strings("SELECT typeof(v) || ':' || CASE typeof(v) WHEN 'blob' THEN hex(v) ELSE v END FROM " + table))
                .as("%s %s", type.displayName(), value).containsExactly(form);
        assertThat(comparable(destination.readAll(t).get(0)[0])).as("read back").isEqualTo(comparable(value));
    }

    /** Byte arrays by content, decimals by value (1E+3 is stored, and read back, as 1000). */
    private static Object comparable(Object v) {
        if (v instanceof List<?> l) {
            return l.stream().map(SqliteFileFormatTest::comparable).toList();
        }
        if (v instanceof byte[] b) {
            return HexFormat.of().formatHex(b);
        }
        return v instanceof BigDecimal d ? d.stripTrailingZeros() : v;
    }

    /** typeof:text of each value, inserted as text into a fresh column declared {@code declared}. */
    private List<String> storedAs(String declared, List<String> values) throws SQLException {
        try (Connection c = jdbc(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE affinity (v " + declared + ")");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO affinity VALUES (?)")) {
                for (String v : values) {
                    ps.setString(1, v);
                    ps.execute();
                }
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT typeof(v) || ':' || v FROM affinity ORDER BY rowid")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            s.execute("DROP TABLE affinity");
            return out;
        }
    }

    private Connection jdbc() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = jdbc(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
