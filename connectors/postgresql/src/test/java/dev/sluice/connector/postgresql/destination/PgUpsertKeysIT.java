package dev.sluice.connector.postgresql.destination;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.connector.postgresql.PgConnectionString;
import dev.sluice.connector.postgresql.PgTestDatabase;
import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.Interval;
import dev.sluice.spi.MigrateMode;
import dev.sluice.spi.TableSchema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Upserts keyed on each plausible key type. A batch holds keys that differ in Java but are one
 * key to PostgreSQL (1.0 and 1.00, equal byte arrays, …): the last row of each key wins, and
 * {@code ON CONFLICT DO UPDATE} never meets a key twice in one statement (which it refuses).
 * A second batch then replaces every stored row.
 */
class PgUpsertKeysIT {
    private static PgTestDatabase db;
    private static PgDestination destination;

    @BeforeAll
    static void open() {
        db = PgTestDatabase.create();
        destination = new PgDestination(new PgDestinationConfig(PgConnectionString.parse(db.url(), "url"), true));
    }

    @AfterAll
    static void close() {
        destination.close();
        db.close();
    }

    /** A key type, then keys where the last is the same key as the first to PostgreSQL, and distinct keys between. */
    static Stream<Arguments> keys() {
        Instant t = Instant.parse("2024-02-29T12:34:56.123456Z");
        return Stream.of(
                Arguments.of("numeric", ColumnType.NUMERIC, List.of(new BigDecimal("1.0"), new BigDecimal("2"), new BigDecimal("1.00"))),
                Arguments.of("numeric zero", ColumnType.NUMERIC, List.of(new BigDecimal("0.000"), BigDecimal.ONE, new BigDecimal("0E+3"))),
                Arguments.of("decimal", ColumnType.decimal(10, 2), List.of(new BigDecimal("1.5"), new BigDecimal("-1.5"), new BigDecimal("1.50"))),
                Arguments.of("uint64", ColumnType.UINT64, List.of(BigInteger.TWO.pow(64).subtract(BigInteger.ONE),
                        BigInteger.ONE, BigInteger.TWO.pow(64).subtract(BigInteger.ONE))),
                Arguments.of("int32", ColumnType.INT32, List.of(7L, 8L, 7L)),
                Arguments.of("date", ColumnType.DATE, List.of(LocalDate.of(2024, 2, 29), LocalDate.MAX, LocalDate.of(2024, 2, 29))),
                Arguments.of("text", ColumnType.STRING, List.of("a", "b", "A", "a")),
                Arguments.of("text with NUL", ColumnType.STRING, List.of("ab", "a", "a\0b")),
                Arguments.of("varchar", ColumnType.varchar(5), List.of("ü🚀", "ü", "ü🚀")),
                Arguments.of("char", ColumnType.fixedChar(3), List.of("ab", "ab!", "ab ")),
                Arguments.of("uuid", ColumnType.UUID, List.of(new UUID(1, 2), new UUID(2, 1), new UUID(1, 2))),
                Arguments.of("timestamptz", ColumnType.TIMESTAMP, List.of(t, t.plusNanos(1_000), t.plusNanos(999))),
                Arguments.of("timestamp", ColumnType.LOCAL_TIMESTAMP, List.of(LocalDateTime.parse("2024-02-29T12:34:56.123456"),
                        LocalDateTime.MIN, LocalDateTime.parse("2024-02-29T12:34:56.1234561"))),
                Arguments.of("time", ColumnType.TIME, List.of(LocalTime.MAX, LocalTime.MIDNIGHT, LocalTime.MAX)),
                Arguments.of("timetz", ColumnType.TIMETZ, List.of(OffsetTime.parse("12:00:00+01:00"), OffsetTime.parse("11:00:00Z"),
                        OffsetTime.parse("12:00:00.0000001+01:00"))),
                Arguments.of("interval", ColumnType.INTERVAL, List.of(new Interval(1, 0, 0), new Interval(0, 1, 0), new Interval(0, 30, 0))),
                Arguments.of("float64", ColumnType.FLOAT64, List.of(0.0, Double.NaN, 1.0, -0.0)),
                Arguments.of("float64 NaN", ColumnType.FLOAT64, List.of(Double.NaN, 0.0, Double.longBitsToDouble(0x7ff8000000000001L))),
                Arguments.of("bytea", ColumnType.BYTES, List.of(new byte[] {1, 2}, new byte[] {2, 1}, new byte[] {1, 2})),
                Arguments.of("inet", ColumnType.INET, List.of("10.0.0.1", "10.0.0.1/8", "10.0.0.1/32")),
                Arguments.of("inet6", ColumnType.INET, List.of("2001:db8::1", "2001:db8::2", "2001:0db8:0:0:0:0:0:1")),
                Arguments.of("macaddr", ColumnType.MAC, List.of("08:00:2b:01:02:03", "08:00:2b:01:02:04", "08-00-2B-01-02-03")),
                Arguments.of("bool", ColumnType.BOOL, List.of(true, false, true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void theLastRowOfAKeyWinsAsPostgresqlComparesKeys(String name, ColumnType type, List<Object> keys) throws SQLException {
        String table = "keyed_" + name.replace(' ', '_');
        TableSchema t = new TableSchema(table, List.of(Column.primaryKey("k", type), Column.of("v", ColumnType.INT64)),
                List.of("k"), List.of());
        destination.migrate(List.of(t), MigrateMode.SAFE);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            rows.add(new Object[] {keys.get(i), (long) i});
        }
        destination.write(t, rows);
        assertThat(values(table)).as("the values stored").containsExactlyInAnyOrderElementsOf(
                LongStream.range(1, keys.size()).boxed().toList());

        rows.replaceAll(r -> new Object[] {r[0], 100 + (long) r[1]});
        destination.write(t, rows);
        assertThat(values(table)).as("the values after a second batch").containsExactlyInAnyOrderElementsOf(
                LongStream.range(1, keys.size()).map(v -> 100 + v).boxed().toList());
    }

    private static List<Long> values(String table) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT v FROM \"" + table + "\"")) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }
}
