package dev.sluice.connector.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.sluice.spi.BreakingChangeException;
import dev.sluice.spi.ColumnType;
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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which type changes are breaking, and files written before the declared types changed. */
class SqliteTypeChangeTest {
    /** The table of SqliteFileFormatTest, of the types Sluice had before. */
    private static final TableSchema OLD_TYPES = CqSchema.table("typed")
            .column("flag", ColumnType.BOOL).column("n", ColumnType.INT64).column("big", ColumnType.UINT64)
            .column("x", ColumnType.FLOAT64).column("s", ColumnType.STRING).column("b", ColumnType.BYTES)
            .column("at", ColumnType.TIMESTAMP).column("u", ColumnType.UUID).column("doc", ColumnType.JSON)
            .column("tags", ColumnType.STRING_LIST).column("nums", ColumnType.INT64_LIST)
            .primaryKey(CqSchema.ID).build();

    @TempDir
    Path dir;
    private Path file;
    private SqliteDestination destination;

    @BeforeEach
    void open() {
        file = dir.resolve("db.sqlite");
        destination = new SqliteDestination(new SqliteConfig(Optional.of(file)));
        destination.open();
    }

    @AfterEach
    void close() {
        destination.close();
    }

    @Test
    void aFileWrittenWithTheOldDeclaredTypesIsKeptAndReadAsItIs() throws SQLException {
        sql("CREATE TABLE \"typed\" (\"_cq_sync_time\" TIMESTAMP, \"_cq_source_name\" TEXT, \"_cq_id\" TEXT NOT NULL,"
                + " \"_cq_parent_id\" TEXT, \"flag\" BOOLEAN, \"n\" INTEGER, \"big\" TEXT, \"x\" REAL, \"s\" TEXT, \"b\" BLOB,"
                + " \"at\" TIMESTAMP, \"u\" TEXT, \"doc\" TEXT, \"tags\" TEXT, \"nums\" TEXT, PRIMARY KEY (\"_cq_id\"))",
                "CREATE INDEX \"typed__sluice_source_sync_time\" ON \"typed\" (\"_cq_source_name\", \"_cq_sync_time\")",
                "INSERT INTO typed VALUES ('2024-05-01 10:00:00.000000', 'src', '00000000-0000-0001-0000-000000000001', NULL,"
                        + " 1, 7, '18446744073709551615', 'NaN', 's', x'0102', '2024-01-02 03:04:05.123456',"
                        + " '00000000-00ab-cdef-0000-000000000001', '{\"a\":1}', '[\"a\",\"b\\\"\"]', '[1,-2]')");
        String before = schema();

        destination.migrate(List.of(OLD_TYPES), MigrateMode.SAFE);
        assertThat(schema()).as("no change").isEqualTo(before);
        Object[] old = CqSchema.row(Instant.parse("2024-05-01T10:00:00Z"), "src", new UUID(1, 1), null, true, 7L,
                BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE), Double.NaN, "s", new byte[] {1, 2},
                Instant.parse("2024-01-02T03:04:05.123456Z"), new UUID(0xabcdefL, 1), "{\"a\":1}", List.of("a", "b\""),
                List.of(1L, -2L));
        Object[] fresh = old.clone();
        fresh[2] = new UUID(1, 2);
        destination.write(OLD_TYPES, List.<Object[]>of(fresh));
        List<Object[]> rows = destination.readAll(OLD_TYPES);
        assertThat(rows).hasSize(2);
        for (Object[] row : rows) {
            assertThat(Arrays.deepToString(row)).isEqualTo(Arrays.deepToString(row[2].equals(old[2]) ? old : fresh));
        }
    }

    @Test
    void typesThatDifferOnlyInWidthOrBoundsShareADeclaredTypeSoAChangeIsNone() throws SQLException {
        TableSchema narrow = CqSchema.table("widths").column("i", ColumnType.INT32).column("f", ColumnType.FLOAT32)
                .column("s", ColumnType.varchar(10)).column("c", ColumnType.fixedChar(3)).column("d", ColumnType.decimal(10, 2))
                .column("ip", ColumnType.CIDR).column("m", ColumnType.MAC).column("j", new ColumnType.JsonType(true)).build();
        TableSchema wide = CqSchema.table("widths").column("i", ColumnType.INT64).column("f", ColumnType.FLOAT64)
                .column("s", ColumnType.STRING).column("c", ColumnType.STRING).column("d", ColumnType.NUMERIC)
                .column("ip", ColumnType.INET).column("m", ColumnType.MAC8).column("j", ColumnType.JSON).build();
        destination.migrate(List.of(narrow), MigrateMode.SAFE);
        String before = schema();
        destination.migrate(List.of(wide), MigrateMode.SAFE);
        destination.migrate(List.of(narrow), MigrateMode.SAFE);
        assertThat(schema()).isEqualTo(before);
    }

    @Test
    void otherTypeChangesAreBreaking() {
        assertBreaking(ColumnType.STRING, ColumnType.DATE, "type changed from TEXT to DATE_TEXT (date32)");
        assertBreaking(ColumnType.UUID, ColumnType.STRING, "type changed from UUID_TEXT to TEXT (utf8)");
        assertBreaking(ColumnType.NUMERIC, ColumnType.STRING, "type changed from DECIMAL_TEXT to TEXT (utf8)");
        assertBreaking(ColumnType.UINT64, ColumnType.INT64, "type changed from DECIMAL_TEXT to INTEGER (int64)");
        assertBreaking(ColumnType.FLOAT64, ColumnType.NUMERIC, "type changed from REAL to DECIMAL_TEXT (numeric)");
        assertBreaking(ColumnType.TIMESTAMP, ColumnType.LOCAL_TIMESTAMP, "type changed from TIMESTAMP to DATETIME_TEXT (timestamp[us])");
        assertBreaking(ColumnType.TIME, ColumnType.TIMETZ, "type changed from TIME_TEXT to TIMETZ_TEXT (timetz)");
        assertBreaking(ColumnType.INTERVAL, ColumnType.STRING, "type changed from DURATION_TEXT to TEXT (utf8)");
        assertBreaking(ColumnType.STRING_LIST, ColumnType.STRING, "type changed from JSON_ARRAY_TEXT to TEXT (utf8)");
        assertBreaking(ColumnType.JSON, ColumnType.STRING_LIST, "type changed from JSON_TEXT to JSON_ARRAY_TEXT");
    }

    /**
     * A TEXT column may be a string column or one Sluice declared TEXT for uuid, json, uint64 or
     * a list of utf8 or int64 before: it is taken for all of them (string → uuid is no change
     * there; a stored value that is no uuid fails when read), and for nothing else.
     */
    @Test
    void textIsTakenForTheTypesSluiceOnceDeclaredTextAndNoOthers() throws SQLException {
        for (ColumnType legacy : List.of(ColumnType.UINT64, ColumnType.UUID, ColumnType.JSON, new ColumnType.JsonType(true),
                ColumnType.STRING_LIST, ColumnType.INT64_LIST, ColumnType.STRING)) {
            assertThat(SqliteTypes.holds("TEXT", legacy)).as(legacy.displayName()).isTrue();
        }
        for (ColumnType other : List.of(ColumnType.DATE, ColumnType.NUMERIC, ColumnType.INTERVAL, ColumnType.INET,
                ColumnType.list(ColumnType.DATE), ColumnType.LOCAL_TIMESTAMP)) {
            assertThat(SqliteTypes.holds("TEXT", other)).as(other.displayName()).isFalse();
        }
        assertThat(SqliteTypes.holds("integer", ColumnType.INT64)).as("CloudQuery writes lower case").isTrue();
        assertThat(SqliteTypes.holds("timestamp", ColumnType.TIMESTAMP)).isTrue();
        assertThat(SqliteTypes.holds("TIMESTAMP", ColumnType.LOCAL_TIMESTAMP)).isFalse();

        sql("CREATE TABLE \"legacy\" (\"when\" TEXT)");
        TableSchema asDate = CqSchema.bare("legacy").column("when", ColumnType.DATE).build();
        assertThatExceptionOfType(BreakingChangeException.class).isThrownBy(() -> destination.migrate(List.of(asDate), MigrateMode.SAFE))
                .withMessageContaining("type changed from TEXT to DATE_TEXT (date32)");
    }

    private int tables;

    private void assertBreaking(ColumnType from, ColumnType to, String change) {
        String name = "changed_" + (++tables);
        destination.migrate(List.of(CqSchema.bare(name).column("v", from).build()), MigrateMode.SAFE);
        TableSchema wanted = CqSchema.bare(name).column("v", to).build();
        assertThatExceptionOfType(BreakingChangeException.class).as("%s -> %s", from.displayName(), to.displayName())
                .isThrownBy(() -> destination.migrate(List.of(wanted), MigrateMode.SAFE))
                .satisfies(e -> assertThat(e.change()).startsWith(change));
        destination.migrate(List.of(wanted), MigrateMode.FORCED);
        destination.migrate(List.of(wanted), MigrateMode.SAFE);
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private String schema() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY name")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return String.join("\n", out);
    }
}
