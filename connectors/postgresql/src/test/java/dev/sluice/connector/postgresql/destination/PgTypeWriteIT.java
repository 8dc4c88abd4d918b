package dev.sluice.connector.postgresql.destination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.connector.postgresql.PgConnectionString;
import dev.sluice.connector.postgresql.PgTestDatabase;
import dev.sluice.connector.postgresql.PgTypes;
import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.MigrateMode;
import dev.sluice.spi.TableSchema;
import dev.sluice.testkit.TypeSamples;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every {@link TypeSamples} value written through the destination (binary COPY, straight in and
 * through an upsert's staging table) into a table migrate created, checked in SQL: the stored
 * value prints as the server prints the value's literal cast to the column's type. Reading
 * values back in Java ({@code PgValues}) plays no part. Then values PostgreSQL cannot store,
 * refused with a message naming the table, column and row, and nothing written.
 */
class PgTypeWriteIT {
    private static PgTestDatabase db;
    private static PgDestination destination;

    @BeforeAll
    static void open() {
        db = PgTestDatabase.create();
        destination = new PgDestination(new PgDestinationConfig(PgConnectionString.parse(db.url(), "url"), true));
        destination.open();
    }

    @AfterAll
    static void close() {
        destination.close();
        db.close();
    }

    @Test
    void everySampleIsStoredAsItsLiteral() throws SQLException {
        TableSchema t = samplesTable("samples_copy", false);
        destination.migrate(List.of(t), MigrateMode.SAFE);
        destination.write(t, sampleRows(0));
        assertStoredSamples(t.name());
    }

    @Test
    void everySampleIsStoredAsItsLiteralThroughAnUpsert() throws SQLException {
        TableSchema t = samplesTable("samples_upsert", true);
        destination.migrate(List.of(t), MigrateMode.SAFE);
        destination.write(t, sampleRows(1)); // every row first with other values, then replaced
        destination.write(t, sampleRows(0));
        assertStoredSamples(t.name());
    }

    @Test
    void aLargeNumericWithManyDigitsIsStoredExactly() throws SQLException {
        TableSchema t = new TableSchema("big_numeric", List.of(Column.of("id", ColumnType.INT64),
                Column.of("n", ColumnType.NUMERIC)), List.of(), List.of());
        destination.migrate(List.of(t), MigrateMode.SAFE);
        String digits = "1234567890".repeat(2000);
        List<BigDecimal> values = List.of(new BigDecimal(digits + "." + digits.substring(0, 16_000)), new BigDecimal("-" + digits + "E+100000"),
                new BigDecimal("1E-16383"), new BigDecimal("9.99E+131071"));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            rows.add(new Object[] {(long) i, values.get(i)});
        }
        destination.write(t, rows);
        try (Connection c = db.connect()) {
            for (int i = 0; i < values.size(); i++) {
                Object[] got = stored(c, "big_numeric", "n", "numeric", i, PgLiterals.of(values.get(i)));
                assertThat(Arrays.asList(got[0], got[1])).as("row %d", i).containsExactly(true, true);
            }
        }
    }

    @Test
    void refusesAnAddressThatIsNotALiteral() {
        assertRefused(ColumnType.INET, "example.com", "column \"v\", row 1: \"example.com\" is not an IP address");
        assertRefused(ColumnType.INET, "1.2.3.4/33", "\"1.2.3.4/33\" is not an IP address");
        assertRefused(ColumnType.INET, "1.2.3", "\"1.2.3\" is not an IP address");
        assertRefused(ColumnType.INET, "fe80::1%eth0", "is not an IP address");
        assertRefused(ColumnType.CIDR, "10.1.2.3/8", "\"10.1.2.3/8\" is not a network: bits are set right of the /8 mask");
        assertRefused(ColumnType.MAC, "08:00:2b:01:02", "is not a 6-byte MAC address");
        assertRefused(ColumnType.list(ColumnType.INET), List.of("10.0.0.1", "localhost"),
                "element [2]: \"localhost\" is not an IP address");
    }

    @Test
    void refusesTextWithHalfASurrogatePair() {
        assertRefused(ColumnType.STRING, "a\uD800b", "column \"v\", row 1: the text has an unpaired UTF-16 surrogate"
                + " (U+D800 at index 1), which UTF-8 cannot store");
        assertRefused(ColumnType.fixedChar(3), "\uDC00", "unpaired UTF-16 surrogate (U+DC00 at index 0)");
        assertRefused(ColumnType.JSON, "\"\uD83D\"", "unpaired UTF-16 surrogate (U+D83D at index 1)");
        assertRefused(new ColumnType.JsonType(true), "\"\uD83D\"", "unpaired UTF-16 surrogate (U+D83D at index 1)");
        assertRefused(ColumnType.STRING_LIST, List.of("ok", "x\uDBFF"), "element [2]: the text has an unpaired UTF-16 surrogate");
    }

    @Test
    void refusesAListThatIsNotRectangular() {
        assertRefused(ColumnType.list(ColumnType.INT64_LIST), List.of(List.of(1L, 2L), List.of(3L)),
                "column \"v\", row 1: the list is not rectangular: element [2] has 1 elements where the first at its depth has 2");
        assertRefused(ColumnType.list(ColumnType.INT64_LIST), List.of(List.of(), List.of(3L)), "not rectangular");
        assertRefused(ColumnType.list(ColumnType.STRING_LIST), Arrays.asList(List.of("a"), null),
                "element [2] is null where a 1-dimensional list was expected");
    }

    @Test
    void refusesADateOutsidePostgresqlsRange() {
        assertRefused(ColumnType.DATE, LocalDate.of(5_874_898, 1, 1), "date +5874898-01-01 is outside PostgreSQL's range");
        assertRefused(ColumnType.DATE, LocalDate.of(-4713, 11, 23), "date -4713-11-23 is outside PostgreSQL's range");
        assertRefused(ColumnType.list(ColumnType.DATE), List.of(LocalDate.of(-5000, 1, 1)), "element [1]: date -5000-01-01");
    }

    @Test
    void refusesADecimalThatDoesNotFit() {
        ColumnType.DecimalType d = ColumnType.decimal(38, 10);
        assertRefused(d, new BigDecimal("12345678901234567890123456789"), "does not fit decimal(38, 10)");
        assertRefused(d, new BigDecimal("0.00000000001"), "does not fit decimal(38, 10)");
        assertRefused(d, Double.POSITIVE_INFINITY, "a decimal of bounded precision cannot be infinite; only numeric can");
        assertRefused(ColumnType.NUMERIC, new BigDecimal("1E+131072"), "outside PostgreSQL's numeric range");
        assertRefused(ColumnType.NUMERIC, 1.5, "a numeric column cannot hold a float64 value");
    }

    /** One row is fine, the second is not: the batch fails as a whole and the table stays empty. */
    private void assertRefused(ColumnType type, Object bad, String message) {
        String name = "refused_" + Integer.toHexString(type.hashCode());
        TableSchema t = new TableSchema(name, List.of(Column.of("id", ColumnType.INT64), Column.of("v", type)),
                List.of(), List.of());
        destination.migrate(List.of(t), MigrateMode.FORCED);
        List<Object[]> rows = List.of(new Object[] {0L, null}, new Object[] {1L, bad});
        assertThatThrownBy(() -> destination.write(t, rows)).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("table \"" + name + "\"").hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContainPattern("java\\.|Exception|BigDecimal|Long|Double"));
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM " + name)) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TableSchema samplesTable(String name, boolean keyed) {
        List<Column> columns = new ArrayList<>();
        columns.add(keyed ? Column.primaryKey("id", ColumnType.INT64) : Column.of("id", ColumnType.INT64));
        TypeSamples.all().forEach(s -> columns.add(Column.of(s.column(), s.type())));
        return new TableSchema(name, columns, keyed ? List.of("id") : List.of(), List.of());
    }

    /** Row r holds each sample's value r + shift (wrapping), or null past the last. */
    private static List<Object[]> sampleRows(int shift) {
        List<TypeSamples.Sample> samples = TypeSamples.all();
        int count = samples.stream().mapToInt(s -> s.values().size()).max().orElseThrow();
        List<Object[]> rows = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            Object[] row = new Object[samples.size() + 1];
            row[0] = (long) r;
            for (int s = 0; s < samples.size(); s++) {
                List<Object> values = samples.get(s).values();
                row[s + 1] = r < values.size() ? values.get((r + shift) % values.size()) : null;
            }
            rows.add(row);
        }
        return rows;
    }

    private static void assertStoredSamples(String table) throws SQLException {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        try (Connection c = db.connect()) {
            for (TypeSamples.Sample s : TypeSamples.all()) {
                String type = PgTypes.declared(s.type());
                for (int r = 0; r < s.values().size(); r++) {
                    Object v = s.values().get(r);
                    String literal = v == null ? null : PgLiterals.of(v);
                    Object[] got = stored(c, table, s.column(), type, r, literal);
                    checked++;
                    if (!Boolean.TRUE.equals(got[0]) || !Boolean.TRUE.equals(got[1])) {
                        failures.add(s.column() + " row " + r + ": literal " + literal + " as " + type + " prints "
                                + got[3] + ", stored " + got[2]);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(checked).isGreaterThan(150);
    }

    /**
     * For row {@code id}: [stored text equals the literal's, stored null equals literal null, stored text,
     * literal text].
     */
    private static Object[] stored(Connection c, String table, String column, String type, int id, String literal)
            throws SQLException {
        String q = "\"" + column + "\"";
        try (PreparedStatement ps = c.prepareStatement("SELECT " + q + "::text IS NOT DISTINCT FROM CAST(CAST(? AS text) AS "
                + type + ")::text, (" + q + " IS NULL) = (? IS NULL), " + q + "::text, CAST(CAST(? AS text) AS " + type
                + ")::text FROM \"" + table + "\" WHERE id = ?")) {
            ps.setString(1, literal);
            ps.setString(2, literal);
            ps.setString(3, literal);
            ps.setLong(4, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("row %d of %s", id, table).isTrue();
                return new Object[] {rs.getBoolean(1), rs.getBoolean(2), rs.getString(3), rs.getString(4)};
            }
        }
    }
}
