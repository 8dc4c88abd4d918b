package dev.sluice.connector.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.ConnectorException;
import dev.sluice.testkit.TypeSamples;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link PgValues} reads every value of every type exactly, from columns of the type
 * {@link PgTypes#declared} gives, whichever wire format the driver receives: text (a statement's
 * first executions) or binary (once it is prepared on the server; forced here).
 */
class PgValuesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static PgTestDatabase db;

    @BeforeAll
    static void database() throws SQLException {
        db = PgTestDatabase.create();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            for (TypeSamples.Sample s : TypeSamples.all()) {
                st.execute("CREATE TABLE " + s.column() + " (n int, v " + PgTypes.declared(s.type()) + ")");
                for (int i = 0; i < s.values().size(); i++) {
                    st.execute("INSERT INTO " + s.column() + " VALUES (" + i + ", " + SqlLiterals.of(s.type(), s.values().get(i)) + ")");
                }
            }
        }
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void everySampleReadsBackExactlyInTextFormat() throws SQLException {
        try (Connection c = connect(false)) {
            readAll(c, false);
        }
    }

    @Test
    void everySampleReadsBackExactlyInBinaryFormat() throws SQLException {
        try (Connection c = connect(true)) {
            readAll(c, true);
        }
    }

    @Test
    void instantsReadFromTimestampWithoutTimeZoneColumnsAsUtc() throws SQLException {
        for (boolean binary : new boolean[] {false, true}) {
            try (Connection c = connect(binary); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT '2024-02-29 12:34:56.123456'::timestamp, 'infinity'::timestamp,"
                         + " ARRAY['1969-12-31 23:59:59.999999', '-infinity']::timestamp[]")) {
                rs.next();
                assertThat(PgValues.read(rs, 1, "t", Column.of("a", ColumnType.TIMESTAMP)))
                        .isEqualTo(java.time.Instant.parse("2024-02-29T12:34:56.123456Z"));
                assertThat(PgValues.read(rs, 2, "t", Column.of("b", ColumnType.TIMESTAMP))).isEqualTo(java.time.Instant.MAX);
                assertThat(PgValues.read(rs, 3, "t", Column.of("c", ColumnType.list(ColumnType.TIMESTAMP))))
                        .isEqualTo(List.of(java.time.Instant.parse("1969-12-31T23:59:59.999999Z"), java.time.Instant.MIN));
            }
        }
    }

    @Test
    void intervalsReadExactlyInEveryIntervalStyle() throws SQLException {
        Random random = new Random(7);
        List<dev.sluice.spi.Interval> values = new ArrayList<>(List.of(dev.sluice.spi.Interval.ZERO,
                new dev.sluice.spi.Interval(0, 0, Long.MAX_VALUE), new dev.sluice.spi.Interval(0, 0, Long.MIN_VALUE + 1),
                new dev.sluice.spi.Interval(Integer.MAX_VALUE, Integer.MIN_VALUE, 1), new dev.sluice.spi.Interval(-1, 1, -1),
                new dev.sluice.spi.Interval(12, 0, 0), new dev.sluice.spi.Interval(0, 1, 0), new dev.sluice.spi.Interval(0, 0, 500_000)));
        for (int i = 0; i < 300; i++) {
            values.add(new dev.sluice.spi.Interval(pick(random, 2_000), pick(random, 50), random.nextBoolean()
                    ? (long) pick(random, 100_000_000) : random.nextLong() / (1L << random.nextInt(40))));
        }
        try (Connection c = connect(false)) {
            try (Statement st = c.createStatement()) { // entered in the default style: sql_standard reads a leading sign for all fields
                st.execute("CREATE TEMPORARY TABLE intervals (n int, v interval)");
                for (int i = 0; i < values.size(); i++) {
                    st.execute("INSERT INTO intervals VALUES (" + i + ", " + SqlLiterals.of(ColumnType.INTERVAL, values.get(i)) + ")");
                }
            }
            for (String style : List.of("postgres", "postgres_verbose", "sql_standard", "iso_8601")) {
                try (Statement st = c.createStatement()) {
                    st.execute("SET intervalstyle = " + style);
                }
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT v FROM intervals ORDER BY n")) {
                    for (dev.sluice.spi.Interval v : values) {
                        rs.next();
                        assertThat(PgValues.read(rs, 1, "t", Column.of("v", ColumnType.INTERVAL)))
                                .as("%s in %s: %s", v, style, rs.getString(1)).isEqualTo(v);
                    }
                }
            }
        }
    }

    @Test
    void anArrayWithOtherDimensionsThanDeclaredNamesTableAndColumn() throws SQLException {
        for (boolean binary : new boolean[] {false, true}) {
            try (Connection c = connect(binary); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT '{{1,2},{3,4}}'::int8[], '{1}'::text[]")) {
                rs.next();
                assertThatThrownBy(() -> PgValues.read(rs, 1, "grid", Column.of("cells", ColumnType.INT64_LIST)))
                        .isInstanceOf(ConnectorException.class)
                        .hasMessage("postgresql: table \"grid\", column \"cells\": a row holds an array of 2 dimensions, but the"
                                + " column is declared with 1 (PostgreSQL does not enforce an array column's dimensions);"
                                + " declare the column with as many dimensions as its arrays have, or skip the table");
                assertThatThrownBy(() -> PgValues.read(rs, 2, "grid", Column.of("names", ColumnType.list(ColumnType.STRING_LIST))))
                        .hasMessageContaining("column \"names\": a row holds an array of 1 dimension, but the column is declared with 2");
            }
        }
    }

    private static int pick(Random random, int bound) {
        return random.nextInt(2 * bound + 1) - bound;
    }

    private static void readAll(Connection c, boolean binary) throws SQLException {
        for (TypeSamples.Sample s : TypeSamples.all()) {
            Column column = Column.of("v", s.type());
            try (PreparedStatement ps = c.prepareStatement("SELECT v FROM " + s.column() + " ORDER BY n");
                 ResultSet rs = ps.executeQuery()) {
                assertThat(rs.getMetaData().unwrap(org.postgresql.PGResultSetMetaData.class).getFormat(1) == 1)
                        .as("%s arrives in binary", s.column())
                        .isEqualTo(binary && binaryTypes().contains(PgTypes.declared(s.type())));
                PgValues.Reader reader = PgValues.reader(rs, 1, s.column(), column);
                List<Object> read = new ArrayList<>();
                while (rs.next()) {
                    read.add(reader.read(rs));
                }
                assertThat(read).as(s.column()).hasSameSizeAs(s.values());
                for (int i = 0; i < read.size(); i++) {
                    Object expected = s.values().get(i);
                    Object actual = read.get(i);
                    assertThat(s.type().accepts(actual)).as("%s: %s fits %s", s.column(), actual, s.type()).isTrue();
                    assertThat(comparable(s.type(), actual)).as("%s value %d", s.column(), i)
                            .isEqualTo(comparable(s.type(), expected));
                }
            }
        }
    }

    /** The types pgjdbc receives in binary once a statement is prepared on the server. */
    private static List<String> binaryTypes() {
        return List.of("bytea", "smallint", "integer", "bigint", "real", "double precision", "numeric", "numeric(20,0)",
                "numeric(38,10)", "time without time zone", "date", "time with time zone", "timestamp without time zone",
                "timestamp with time zone", "uuid", "bytea[]", "smallint[]", "integer[]", "bigint[]", "real[]",
                "double precision[]", "text[]");
    }

    /** Exact, except that a decimal compares by value (a column pads to its scale) and jsonb by its parsed document. */
    private static Object comparable(ColumnType type, Object v) {
        if (v instanceof List<?> list) {
            ColumnType element = ((ColumnType.ListType) type).element();
            return list.stream().map(e -> comparable(element, e)).toList();
        }
        if (v instanceof byte[] b) {
            return "bytes:" + Arrays.toString(b);
        }
        if (v instanceof BigDecimal d) {
            return "decimal:" + d.stripTrailingZeros().toPlainString();
        }
        if (v instanceof String s && type.equals(ColumnType.JSON)) {
            try {
                return JSON.readTree(s);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return v == null ? "null" : v;
    }

    private static Connection connect(boolean binary) throws SQLException {
        PgConnectionString url = PgConnectionString.parse(db.url(), "url");
        Properties p = new Properties();
        p.setProperty("user", url.user());
        p.setProperty("prepareThreshold", binary ? "-1" : "5");
        return DriverManager.getConnection(url.jdbcUrl(), p);
    }
}
