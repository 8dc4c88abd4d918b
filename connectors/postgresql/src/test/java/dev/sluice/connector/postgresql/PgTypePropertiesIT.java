package dev.sluice.connector.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.connector.postgresql.destination.PgDestination;
import dev.sluice.connector.postgresql.destination.PgDestinationConfig;
import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.Interval;
import dev.sluice.spi.MigrateMode;
import dev.sluice.spi.TableSchema;
import dev.sluice.testkit.HostileValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Hostile and extreme values of every scalar type, and of lists, written through
 * {@link PgDestination} (migrate, binary COPY) and read back through {@code readAll}: each comes
 * back equal by value (a decimal by {@code compareTo}, NaN equal to NaN, a float's other bits
 * exactly, digits below the microsecond dropped, a {@code char(n)} padded, NUL stripped, as
 * documented), or the write is refused with a message naming the table and column, and no Java
 * class, and nothing is written. Never a silently different value.
 */
class PgTypePropertiesIT {
    /** PostgreSQL's numeric: 131072 digits before the point, 16383 after. */
    private static final int MAX_INTEGER_DIGITS = 131_072;
    private static final int MAX_SCALE = 16_383;

    private static PgTestDatabase db;
    private static PgDestination destination;
    private static Connection sql;
    private static final Map<ColumnType, TableSchema> tables = new HashMap<>();

    @BeforeContainer
    static void open() throws SQLException {
        db = PgTestDatabase.create();
        destination = new PgDestination(new PgDestinationConfig(PgConnectionString.parse(db.url(), "url"), true));
        destination.open();
        sql = db.connect();
    }

    @AfterContainer
    static void close() throws SQLException {
        sql.close();
        destination.close();
        db.close();
    }

    // --- decimals

    @Property(tries = 200)
    void aNumericRoundTripsOrIsRefusedPastPostgresqlsDigits(@ForAll("numerics") Object v) {
        Outcome o = write(ColumnType.NUMERIC, v);
        if (!(v instanceof BigDecimal d)) {
            o.assertStored(v, PgTypePropertiesIT::sameNumber);
            return;
        }
        BigDecimal stripped = d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
        if (!withinPostgresql(stripped)) {
            o.assertRefused();
        } else if (withinPostgresql(d)) {
            o.assertStored(v, PgTypePropertiesIT::sameNumber);
        } else {
            o.assertStoredOrRefused(v, PgTypePropertiesIT::sameNumber); // representable, but written with more digits than PostgreSQL keeps
        }
    }

    @Provide
    Arbitrary<Object> numerics() {
        return Arbitraries.frequencyOf(Tuple.of(20, HostileValues.decimals()),
                Tuple.of(1, Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)));
    }

    @Property(tries = 200)
    void aDecimalRoundTripsWhenItFitsAndIsRefusedWhenNot(@ForAll("decimalTypes") ColumnType.DecimalType type,
                                                           @ForAll("smallDecimals") Object v) {
        Outcome o = write(type, v);
        Statistics.collect(type.accepts(v) ? "fits" : "does not fit");
        if (type.accepts(v)) {
            o.assertStored(v, PgTypePropertiesIT::sameNumber);
        } else {
            o.assertRefused();
        }
    }

    @Provide
    Arbitrary<ColumnType.DecimalType> decimalTypes() {
        Arbitrary<Integer> precision = Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.integers().between(1, 40)),
                Tuple.of(1, Arbitraries.of(1000, 999, 100)));
        return precision.flatMap(p -> Arbitraries.integers().between(Math.max(-1000, -p - 5), Math.min(1000, p + 5))
                .map(s -> ColumnType.decimal(p, s)));
    }

    @Provide
    Arbitrary<Object> smallDecimals() {
        Arbitrary<BigDecimal> d = Combinators.combine(
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(45).negate(), BigInteger.TEN.pow(45))
                        .edgeCases(c -> c.add(BigInteger.ZERO, BigInteger.TEN.pow(40))),
                Arbitraries.integers().between(-12, 50)).as(BigDecimal::new);
        return Arbitraries.frequencyOf(Tuple.of(30, d),
                Tuple.of(1, Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)));
    }

    private static boolean withinPostgresql(BigDecimal d) {
        return d.signum() == 0 ? d.scale() <= MAX_SCALE
                : d.scale() <= MAX_SCALE && (long) d.precision() - d.scale() <= MAX_INTEGER_DIGITS;
    }

    private static boolean sameNumber(Object expected, Object got) {
        if (expected instanceof BigDecimal e) {
            return got instanceof BigDecimal g && e.compareTo(g) == 0;
        }
        return expected.equals(got); // Double.equals: NaN equals NaN
    }

    // --- dates, times, timestamps, intervals

    @Property(tries = 200)
    void aDateRoundTripsInsidePostgresqlsRangeAndIsRefusedOutside(@ForAll("dates") LocalDate d) {
        Outcome o = write(ColumnType.DATE, d);
        boolean infinite = d.equals(LocalDate.MAX) || d.equals(LocalDate.MIN);
        if (infinite || !d.isBefore(HostileValues.FIRST_DATE) && d.isBefore(HostileValues.DATE_END)) {
            o.assertStored(d, Object::equals);
        } else {
            o.assertRefused();
        }
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return HostileValues.dates();
    }

    @Property(tries = 200)
    void aWallClockTimestampRoundTripsToTheMicrosecondOrIsRefused(@ForAll("localTimestamps") LocalDateTime t) {
        Outcome o = write(ColumnType.LOCAL_TIMESTAMP, t);
        if (t.equals(LocalDateTime.MAX) || t.equals(LocalDateTime.MIN)) {
            o.assertStored(t, Object::equals);
        } else if (!t.isBefore(HostileValues.FIRST_TIMESTAMP) && t.isBefore(HostileValues.TIMESTAMP_END)) {
            o.assertStored(t.truncatedTo(ChronoUnit.MICROS), Object::equals);
        } else {
            o.assertRefused();
        }
    }

    @Provide
    Arbitrary<LocalDateTime> localTimestamps() {
        return HostileValues.localTimestamps();
    }

    @Property(tries = 200)
    void anInstantRoundTripsToTheMicrosecondOrIsRefused(@ForAll("instants") Instant t) {
        Outcome o = write(ColumnType.TIMESTAMP, t);
        if (t.equals(Instant.MAX) || t.equals(Instant.MIN)) {
            o.assertStored(t, Object::equals);
        } else if (!t.isBefore(HostileValues.FIRST_TIMESTAMP.toInstant(ZoneOffset.UTC))
                && t.isBefore(HostileValues.TIMESTAMP_END.toInstant(ZoneOffset.UTC))) {
            o.assertStored(t.truncatedTo(ChronoUnit.MICROS), Object::equals);
        } else {
            o.assertRefused();
        }
    }

    @Provide
    Arbitrary<Instant> instants() {
        return HostileValues.instants();
    }

    @Property(tries = 200)
    void aTimeRoundTripsToTheMicrosecond(@ForAll("times") LocalTime t) {
        write(ColumnType.TIME, t).assertStored(micros(t), Object::equals);
    }

    @Provide
    Arbitrary<LocalTime> times() {
        return HostileValues.times();
    }

    /** PostgreSQL's timetz offsets are under 16 hours either way (to ±15:59:59); Java's reach ±18:00. */
    @Property(tries = 200)
    void aTimeWithAnOffsetRoundTripsOrIsRefusedPastSixteenHours(@ForAll("offsetTimes") OffsetTime t) {
        Outcome o = write(ColumnType.TIMETZ, t);
        if (Math.abs(t.getOffset().getTotalSeconds()) < 16 * 3600) {
            o.assertStored(OffsetTime.of(micros(t.toLocalTime()), t.getOffset()), Object::equals);
        } else {
            o.assertRefused();
        }
    }

    @Provide
    Arbitrary<OffsetTime> offsetTimes() {
        return HostileValues.offsetTimes();
    }

    private static LocalTime micros(LocalTime t) {
        return t.equals(LocalTime.MAX) ? t : t.truncatedTo(ChronoUnit.MICROS);
    }

    @Property(tries = 200)
    void anIntervalRoundTripsPartByPart(@ForAll("intervals") Interval i) {
        write(ColumnType.INTERVAL, i).assertStored(i, Object::equals);
    }

    @Provide
    Arbitrary<Interval> intervals() {
        return HostileValues.intervals();
    }

    // --- floats

    @Property(tries = 200)
    void aFloat64RoundTripsBitForBit(@ForAll("doubles") double v) {
        write(ColumnType.FLOAT64, v).assertStored(v, Object::equals); // Double.equals: bits compared, NaNs all equal
    }

    @Provide
    Arbitrary<Double> doubles() {
        return HostileValues.doubles();
    }

    @Property(tries = 200)
    void aFloat32RoundTripsBitForBit(@ForAll("floats") float v) {
        write(ColumnType.FLOAT32, v).assertStored(v, Object::equals);
    }

    @Provide
    Arbitrary<Float> floats() {
        return HostileValues.floats();
    }

    // --- text

    /** PostgreSQL's text cannot hold U+0000: NUL characters are stripped, as documented. */
    @Property(tries = 200)
    void textRoundTripsWithoutItsNuls(@ForAll("text") String s) {
        write(ColumnType.STRING, s).assertStored(s.replace("\0", ""), Object::equals);
    }

    @Provide
    Arbitrary<String> text() {
        return HostileValues.text();
    }

    @Property(tries = 200)
    void boundedTextRoundTripsPaddedWhenItFitsAndIsRefusedWhenNot(@ForAll @IntRange(min = 1, max = 12) int length,
                                                                   @ForAll boolean fixed, @ForAll("text") String s) {
        ColumnType.StringType type = new ColumnType.StringType(length, fixed);
        Outcome o = write(type, s);
        int characters = s.codePointCount(0, s.length());
        Statistics.collect(characters <= length ? "fits" : "too long");
        if (characters > length) {
            o.assertRefused();
            return;
        }
        String stored = s.replace("\0", "");
        if (fixed) {
            stored += " ".repeat(length - stored.codePointCount(0, stored.length()));
        }
        o.assertStored(stored, Object::equals);
    }

    /** UTF-8 cannot carry half a surrogate pair: refused, as the SQLite destination refuses it, never written as '?'. */
    @Property(tries = 100)
    void textWithHalfASurrogatePairIsRefused(@ForAll("halfSurrogates") String s) {
        write(ColumnType.STRING, s).assertRefused();
    }

    @Provide
    Arbitrary<String> halfSurrogates() {
        return HostileValues.halfSurrogates();
    }

    // --- addresses: PostgreSQL's own text input is the judge

    /**
     * PostgreSQL's IPv6 input refuses a decimal number with a leading zero, a prefix or an
     * embedded IPv4 octet ({@code ::/08}, {@code ::0.0.0.01}), which its IPv4 input takes;
     * Sluice takes them everywhere, as the decimal numbers they spell.
     */
    @Property(tries = 200)
    void anAddressIsStoredAsPostgresqlReadsItsTextOrRefused(@ForAll("inetText") String text, @ForAll boolean cidr) {
        ColumnType type = cidr ? ColumnType.CIDR : ColumnType.INET;
        String pgType = cidr ? "cidr" : "inet";
        String unpadded = text.replaceAll("(^|[.:/])0+(\\d)", "$1$2");
        if (!unpadded.equals(text) && cast(text, pgType).isEmpty() && cast(unpadded, pgType).isPresent()) {
            Statistics.collect("a leading zero", "either");
            write(type, text).assertStoredOrRefused(cast(unpadded, pgType).get(), Object::equals);
            return;
        }
        judgedByPostgresql(type, text, pgType);
    }

    @Provide
    Arbitrary<String> inetText() {
        return HostileValues.inetText();
    }

    /**
     * Sluice reads hex byte groups split by one kind of separator, a documented superset of
     * PostgreSQL's forms ({@code 08.00.2b.01.02.03}, {@code 08002b.010203}); text PostgreSQL
     * refuses may be stored only as the bytes its hex digits spell.
     */
    @Property(tries = 200)
    void aMacAddressIsStoredAsPostgresqlReadsItsTextOrRefused(@ForAll("macText") String text, @ForAll boolean eight) {
        ColumnType type = eight ? ColumnType.MAC8 : ColumnType.MAC;
        String pgType = eight ? "macaddr8" : "macaddr";
        Optional<String> canonical = cast(text, pgType);
        if (canonical.isPresent()) {
            judgedByPostgresql(type, text, pgType);
            return;
        }
        Outcome o = write(type, text);
        Statistics.collect("invalid for PostgreSQL", o.refusal() == null ? "stored" : "refused");
        Optional<String> digits = text.matches("[0-9A-Fa-f]+([:.-][0-9A-Fa-f]+)*") ? cast(hexDigits(text), pgType)
                : Optional.empty();
        if (digits.isEmpty()) {
            o.assertRefused();
        } else {
            o.assertStoredOrRefused(digits.get(), Object::equals);
        }
    }

    @Provide
    Arbitrary<String> macText() {
        return HostileValues.macText();
    }

    /**
     * Text PostgreSQL's input function refuses must be refused; text it accepts is stored as it
     * prints it, or refused (Sluice parses a documented subset of the forms PostgreSQL accepts).
     */
    private static void judgedByPostgresql(ColumnType type, String text, String pgType) {
        Optional<String> canonical = cast(text, pgType);
        Outcome o = write(type, text);
        Statistics.collect(canonical.isPresent() ? "valid" : "invalid", o.refusal() == null ? "stored" : "refused");
        if (canonical.isEmpty()) {
            o.assertRefused();
        } else {
            o.assertStoredOrRefused(canonical.get(), Object::equals);
        }
    }

    /** The hex digits a MAC address's text spells; where every group is one byte, a one-digit group is 0 and that digit. */
    private static String hexDigits(String text) {
        String[] groups = text.split("[:.-]");
        boolean bytes = groups.length > 1 && java.util.Arrays.stream(groups).allMatch(g -> g.length() <= 2);
        return java.util.Arrays.stream(groups).map(g -> bytes && g.length() == 1 ? "0" + g : g)
                .collect(java.util.stream.Collectors.joining());
    }

    private static Optional<String> cast(String text, String pgType) {
        try (PreparedStatement ps = sql.prepareStatement("SELECT CAST(CAST(? AS text) AS " + pgType + ")")) {
            ps.setString(1, text);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Optional.of(rs.getString(1));
            }
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    // --- lists

    /** Rectangular lists of 1 to 7 dimensions with nulls; an empty one reads back as [] (no dimensions); past 6, refused. */
    @Property(tries = 200)
    void aRectangularListRoundTripsAndADeeperOneThanPostgresqlsIsRefused(@ForAll("rectangularLists") Tuple.Tuple3<ColumnType, Integer, Object> list) {
        ColumnType.ListType type = listType(list.get1(), list.get2());
        Outcome o = write(type, list.get3());
        int count = count(list.get3());
        Statistics.collect(list.get2(), count == 0 ? "empty" : "elements");
        if (count == 0) {
            o.assertStored(List.of(), Object::equals);
        } else if (list.get2() > 6) {
            o.assertRefused();
        } else {
            o.assertStored(withoutNuls(list.get3()), Object::equals);
        }
    }

    @Property(tries = 200)
    void aJaggedListIsRefused(@ForAll("rectangularLists") Tuple.Tuple3<ColumnType, Integer, Object> list, @ForAll int seed) {
        Object jagged = HostileValues.jagged(list.get3(), list.get2(), seed);
        Statistics.collect(jagged == null ? "no sub-list to spoil" : "jagged");
        if (jagged != null) {
            write(listType(list.get1(), list.get2()), jagged).assertRefused();
        }
    }

    @Provide
    Arbitrary<Tuple.Tuple3<ColumnType, Integer, Object>> rectangularLists() {
        return Combinators.combine(Arbitraries.of(ColumnType.INT64, ColumnType.STRING, ColumnType.FLOAT64),
                Arbitraries.integers().between(1, 7)).flatAs((element, dims) -> {
                    Arbitrary<?> values = element.equals(ColumnType.INT64) ? Arbitraries.longs()
                            : element.equals(ColumnType.STRING) ? HostileValues.text() : HostileValues.doubles();
                    return HostileValues.rectangular(values, dims).map(l -> Tuple.of(element, dims, l));
                });
    }

    private static ColumnType.ListType listType(ColumnType scalar, int dimensions) {
        ColumnType t = scalar;
        for (int i = 0; i < dimensions; i++) {
            t = ColumnType.list(t);
        }
        return (ColumnType.ListType) t;
    }

    private static int count(Object v) {
        return v instanceof List<?> l ? l.stream().mapToInt(PgTypePropertiesIT::count).sum() : 1;
    }

    private static Object withoutNuls(Object v) {
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(e -> out.add(withoutNuls(e)));
            return out;
        }
        return v instanceof String s ? s.replace("\0", "") : v;
    }

    // --- writing and reading back

    /** What became of a value: the value read back, or the refusal's message. */
    record Outcome(String table, ColumnType type, Object value, Object stored, String refusal) {
        void assertStored(Object expected, java.util.function.BiPredicate<Object, Object> same) {
            assertThat(refusal).as("%s refused %s", type.displayName(), shown(value)).isNull();
            assertThat(same.test(expected, stored)).as("%s: %s stored as %s, expected %s (first difference%s)", type.displayName(),
                    shown(value), shown(stored), shown(expected), difference(expected, stored)).isTrue();
        }

        void assertStoredOrRefused(Object expected, java.util.function.BiPredicate<Object, Object> same) {
            if (refusal == null) {
                assertStored(expected, same);
            } else {
                assertRefused();
            }
        }

        void assertRefused() {
            assertThat(refusal).as("%s: %s was stored as %s, not refused", type.displayName(), shown(value), shown(stored)).isNotNull();
            assertThat(refusal).contains("table \"" + table + "\"").contains("column \"v\"")
                    .doesNotContainPattern("java\\.|dev\\.sluice|Exception|BigDecimal|BigInteger|ImmutableCollections"
                            + "|\\b(Long|Double|Float|Integer|String|Instant|LocalDate|LocalDateTime|LocalTime|OffsetTime|List|ArrayList)\\b");
        }

        /** The first element where two nested lists differ, or the values themselves. */
        private static String difference(Object expected, Object got) {
            if (expected instanceof List<?> e && got instanceof List<?> g) {
                for (int i = 0; i < Math.min(e.size(), g.size()); i++) {
                    if (!java.util.Objects.equals(e.get(i), g.get(i))) {
                        return "[" + (i + 1) + "]" + difference(e.get(i), g.get(i));
                    }
                }
                return " lengths " + e.size() + " and " + g.size();
            }
            return ": " + shown(expected) + " and " + shown(got);
        }

        private static String shown(Object v) {
            String s = v == null ? "null" : v instanceof String t ? '"' + t.chars().mapToObj(c -> c < 0x20 || c > 0x7e
                    ? String.format("\\u%04x", c) : String.valueOf((char) c)).reduce("", String::concat) + '"' : v.toString();
            return s.length() > 300 ? s.substring(0, 300) + "..." : s;
        }
    }

    /** Writes [0, v] into an emptied table whose column "v" has {@code type}, and reads it back. */
    private static Outcome write(ColumnType type, Object v) {
        TableSchema t = tables.computeIfAbsent(type, k -> {
            TableSchema created = new TableSchema("prop_" + tables.size(),
                    List.of(Column.of("id", ColumnType.INT64), Column.of("v", k)), List.of(), List.of());
            destination.migrate(List.of(created), MigrateMode.SAFE);
            return created;
        });
        try (Statement st = sql.createStatement()) {
            st.execute("DELETE FROM " + t.name());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        String refusal = null;
        try {
            destination.write(t, List.<Object[]>of(new Object[] {0L, v}));
        } catch (ConnectorException e) {
            refusal = e.getMessage();
        }
        List<Object[]> rows = destination.readAll(t);
        if (refusal != null) {
            assertThat(rows).as("rows written by a refused batch").isEmpty();
            return new Outcome(t.name(), type, v, null, refusal);
        }
        assertThat(rows).hasSize(1);
        return new Outcome(t.name(), type, v, rows.get(0)[1], null);
    }
}
