package dev.sluice.connector.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.spi.ColumnType;
import dev.sluice.spi.Destination;
import dev.sluice.spi.MigrateMode;
import dev.sluice.spi.TableSchema;
import dev.sluice.testkit.CqSchema;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
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
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, Integer> notNull = new LinkedHashMap<>();
        try (Connection c = jdbc(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT name, type, \"notnull\", pk FROM pragma_table_info('typed')")) {
            while (rs.next()) {
                types.put(rs.getString(1), rs.getString(2));
                notNull.put(rs.getString(1), rs.getInt(3));
            }
        }
        assertThat(types).containsExactly(Map.entry("_cq_sync_time", "TIMESTAMP"), Map.entry("_cq_source_name", "TEXT"),
                Map.entry("_cq_id", "TEXT"), Map.entry("_cq_parent_id", "TEXT"), Map.entry("flag", "BOOLEAN"),
                Map.entry("n", "INTEGER"), Map.entry("big", "TEXT"), Map.entry("x", "REAL"), Map.entry("s", "TEXT"),
                Map.entry("b", "BLOB"), Map.entry("at", "TIMESTAMP"), Map.entry("u", "TEXT"), Map.entry("doc", "TEXT"),
                Map.entry("tags", "TEXT"), Map.entry("nums", "TEXT"));
        assertThat(notNull).containsEntry("_cq_id", 1).containsEntry("flag", 0);
        assertThat(strings("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'typed' AND sql IS NOT NULL"))
                .containsExactly("typed__sluice_source_sync_time");
    }

    @Test
    void valuesHaveTheDocumentedForms() throws SQLException {
        destination.write(TABLE, List.<Object[]>of(row(1, true, "2024-01-02T03:04:05.123456Z", 1.5),
                row(2, false, "1969-07-20T20:17:40Z", Double.NaN),
                row(3, true, "1900-01-01T00:00:00.000001Z", Double.POSITIVE_INFINITY)));
        assertThat(strings("SELECT flag || ' ' || typeof(flag) FROM typed ORDER BY n"))
                .containsExactly("1 integer", "0 integer", "1 integer");
        assertThat(strings("SELECT at FROM typed ORDER BY at"))
                .as("text order is time order, before 1970 too")
                .containsExactly("1900-01-01 00:00:00.000001", "1969-07-20 20:17:40.000000", "2024-01-02 03:04:05.123456");
        assertThat(strings("SELECT strftime('%Y|%m|%d|%H|%M|%f', at) FROM typed WHERE n = 1"))
                .as("SQLite's date functions read it").containsExactly("2024|01|02|03|04|05.123");
        assertThat(strings("SELECT big || ' ' || typeof(big) FROM typed WHERE n = 1")).containsExactly("18446744073709551615 text");
        assertThat(strings("SELECT typeof(x) || ' ' || x FROM typed ORDER BY n")).containsExactly("real 1.5", "text NaN", "real Inf");
        assertThat(strings("SELECT u FROM typed WHERE n = 1")).containsExactly("00000000-00ab-cdef-0000-000000000001");
        assertThat(strings("SELECT tags || ' ' || json_extract(tags, '$[1]') || ' ' || json_array_length(nums) || ' ' || hex(b)"
                + " FROM typed WHERE n = 1")).containsExactly("[\"a\",\"b\\\"\"] b\" 2 0102");
        assertThat(strings("SELECT json_extract(doc, '$.a') FROM typed ORDER BY n")).containsExactly("1", "2", "3");
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
