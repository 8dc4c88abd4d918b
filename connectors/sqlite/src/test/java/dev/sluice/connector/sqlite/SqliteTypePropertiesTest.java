package dev.sluice.connector.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.Interval;
import dev.sluice.spi.MigrateMode;
import dev.sluice.spi.TableSchema;
import dev.sluice.testkit.HostileValues;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;
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
 * {@link SqliteDestination} and read back: each comes back as README's "## SQLite" documents
 * (text as given, NUL and padding included; decimals digit for digit; any date; timestamps
 * within the years ±999999999; any offset; -0.0 as 0.0 in a real column; lists as JSON, of any
 * shape), or the write is refused naming the table and column, no Java class, and nothing is
 * written.
 */
class SqliteTypePropertiesTest {
    private static final int MAX_INTEGER_DIGITS = 131_072;
    private static final int MAX_SCALE = 16_383;

    private static Path dir;
    private static SqliteDestination destination;
    private static final Map<ColumnType, TableSchema> tables = new HashMap<>();

    @BeforeContainer
    static void open() throws IOException {
        dir = Files.createTempDirectory("sluice-sqlite-props");
        destination = new SqliteDestination(new SqliteConfig(Optional.of(dir.resolve("db.sqlite"))));
        destination.open();
    }

    @AfterContainer
    static void close() throws IOException {
        destination.close();
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    // --- decimals: plain text, digit for digit

    @Property(tries = 200)
    void aNumericIsStoredDigitForDigitOrRefusedPastTheDigitLimits(@ForAll("numerics") Object v) {
        Outcome o = write(ColumnType.NUMERIC, v);
        if (!(v instanceof BigDecimal d)) {
            o.assertStored(v, Object::equals);
            return;
        }
        BigDecimal stripped = d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
        if (!withinLimits(stripped)) {
            o.assertRefused();
        } else if (withinLimits(d)) {
            o.assertStored(digitForDigit(d), Object::equals);
        } else {
            o.assertStoredOrRefused(digitForDigit(d), Object::equals);
        }
    }

    @Provide
    Arbitrary<Object> numerics() {
        return Arbitraries.frequencyOf(Tuple.of(20, HostileValues.decimals()),
                Tuple.of(1, Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)));
    }

    @Property(tries = 200)
    void aDecimalIsStoredWhenItFitsAndRefusedWhenNot(@ForAll("decimalTypes") ColumnType.DecimalType type,
                                                      @ForAll("smallDecimals") Object v) {
        Outcome o = write(type, v);
        Statistics.collect(type.accepts(v) ? "fits" : "does not fit");
        if (!type.accepts(v)) {
            o.assertRefused();
        } else {
            o.assertStored(v instanceof BigDecimal d ? digitForDigit(d) : v, Object::equals);
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
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(45).negate(), BigInteger.TEN.pow(45)),
                Arbitraries.integers().between(-12, 50)).as(BigDecimal::new);
        return Arbitraries.frequencyOf(Tuple.of(30, d),
                Tuple.of(1, Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)));
    }

    private static boolean withinLimits(BigDecimal d) {
        return d.signum() == 0 ? d.scale() <= MAX_SCALE
                : d.scale() <= MAX_SCALE && (long) d.precision() - d.scale() <= MAX_INTEGER_DIGITS;
    }

    /** As its plain text reads back: the same digits and scale, a negative scale written out as zeros. */
    private static BigDecimal digitForDigit(BigDecimal d) {
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    // --- dates, times, timestamps, intervals

    @Property(tries = 200)
    void anyDateRoundTrips(@ForAll("dates") LocalDate d) {
        write(ColumnType.DATE, d).assertStored(d, Object::equals);
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return HostileValues.dates();
    }

    @Property(tries = 200)
    void anyWallClockTimestampRoundTripsToTheMicrosecond(@ForAll("localTimestamps") LocalDateTime t) {
        boolean infinite = t.equals(LocalDateTime.MAX) || t.equals(LocalDateTime.MIN);
        write(ColumnType.LOCAL_TIMESTAMP, t).assertStored(infinite ? t : t.truncatedTo(ChronoUnit.MICROS), Object::equals);
    }

    @Provide
    Arbitrary<LocalDateTime> localTimestamps() {
        return HostileValues.localTimestamps();
    }

    /** Instants reach a billion years further than the years ±999999999 the text form has: those are refused. */
    @Property(tries = 200)
    void anInstantRoundTripsToTheMicrosecondOrIsRefusedPastTheYearsOfItsText(@ForAll("instants") Instant t) {
        Outcome o = write(ColumnType.TIMESTAMP, t);
        if (t.equals(Instant.MAX) || t.equals(Instant.MIN)) {
            o.assertStored(t, Object::equals);
        } else if (!t.isBefore(LocalDateTime.MIN.toInstant(java.time.ZoneOffset.UTC))
                && !t.isAfter(LocalDateTime.MAX.toInstant(java.time.ZoneOffset.UTC))) {
            o.assertStored(t.truncatedTo(ChronoUnit.MICROS), Object::equals);
        } else {
            o.assertRefused();
        }
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.frequencyOf(Tuple.of(8, HostileValues.instants()),
                Tuple.of(2, Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())
                        .map(Instant::ofEpochSecond)));
    }

    @Property(tries = 200)
    void aTimeRoundTripsToTheMicrosecond(@ForAll("times") LocalTime t) {
        write(ColumnType.TIME, t).assertStored(micros(t), Object::equals);
    }

    @Provide
    Arbitrary<LocalTime> times() {
        return HostileValues.times();
    }

    @Property(tries = 200)
    void aTimeWithAnyOffsetRoundTripsToTheMicrosecond(@ForAll("offsetTimes") OffsetTime t) {
        write(ColumnType.TIMETZ, t).assertStored(OffsetTime.of(micros(t.toLocalTime()), t.getOffset()), Object::equals);
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

    // --- floats: bit for bit, except -0.0, which a real column keeps as 0.0 (documented)

    @Property(tries = 200)
    void aFloat64RoundTripsBitForBit(@ForAll("doubles") double v) {
        write(ColumnType.FLOAT64, v).assertStored(v == 0 ? 0.0 : v, Object::equals);
    }

    @Provide
    Arbitrary<Double> doubles() {
        return HostileValues.doubles();
    }

    @Property(tries = 200)
    void aFloat32RoundTripsBitForBit(@ForAll("floats") float v) {
        write(ColumnType.FLOAT32, v).assertStored(v == 0 ? 0.0f : v, Object::equals);
    }

    @Provide
    Arbitrary<Float> floats() {
        return HostileValues.floats();
    }

    // --- text: as given, NUL and padding included

    @Property(tries = 200)
    void textRoundTripsAsGiven(@ForAll("text") String s) {
        write(ColumnType.STRING, s).assertStored(s, Object::equals);
    }

    @Provide
    Arbitrary<String> text() {
        return HostileValues.text();
    }

    @Property(tries = 200)
    void boundedTextRoundTripsAsGivenWhenItFitsAndIsRefusedWhenNot(@ForAll @IntRange(min = 1, max = 12) int length,
                                                                    @ForAll boolean fixed, @ForAll("text") String s) {
        Outcome o = write(new ColumnType.StringType(length, fixed), s);
        boolean fits = s.codePointCount(0, s.length()) <= length;
        Statistics.collect(fits ? "fits" : "too long");
        if (fits) {
            o.assertStored(s, Object::equals);
        } else {
            o.assertRefused();
        }
    }

    @Property(tries = 100)
    void textWithHalfASurrogatePairIsRefused(@ForAll("halfSurrogates") String s, @ForAll boolean inAList) {
        write(inAList ? ColumnType.STRING_LIST : ColumnType.STRING, inAList ? List.of("ok", s) : s).assertRefused();
    }

    @Provide
    Arbitrary<String> halfSurrogates() {
        return HostileValues.halfSurrogates();
    }

    // --- addresses: as given, when they are addresses

    /** Text generated to be valid is stored as given, text generated to be invalid is refused. */
    @Property(tries = 200)
    void anAddressIsStoredAsGivenOrRefusedWhenItIsNotOne(@ForAll("addresses") Tuple.Tuple3<Boolean, String, Boolean> a) {
        ColumnType type = a.get1() ? ColumnType.CIDR : ColumnType.INET;
        Outcome o = write(type, a.get2());
        Statistics.collect(a.get3() ? "valid" : "invalid");
        if (a.get3()) {
            o.assertStored(a.get2(), Object::equals);
        } else {
            o.assertRefused();
        }
    }

    @Provide
    Arbitrary<Tuple.Tuple3<Boolean, String, Boolean>> addresses() {
        return Arbitraries.of(true, false).flatMap(cidr -> Arbitraries.frequencyOf(
                Tuple.of(3, Addresses.validIpv4(cidr).map(t -> Tuple.of(cidr, t, true))),
                Tuple.of(3, Addresses.validIpv6(cidr).map(t -> Tuple.of(cidr, t, true))),
                Tuple.of(4, Addresses.invalid(cidr).map(t -> Tuple.of(cidr, t, false)))));
    }

    @Property(tries = 200)
    void aMacAddressIsStoredAsGivenOrRefusedWhenItIsNotOne(@ForAll("macs") Tuple.Tuple3<Integer, String, Boolean> m) {
        Outcome o = write(m.get1() == 6 ? ColumnType.MAC : ColumnType.MAC8, m.get2());
        Statistics.collect(m.get3() ? "valid" : "invalid");
        if (m.get3()) {
            o.assertStored(m.get2(), Object::equals);
        } else {
            o.assertRefused();
        }
    }

    @Provide
    Arbitrary<Tuple.Tuple3<Integer, String, Boolean>> macs() {
        return Arbitraries.of(6, 8).flatMap(size -> Arbitraries.frequencyOf(
                Tuple.of(1, Addresses.validMac(size).map(t -> Tuple.of(size, t, true))),
                Tuple.of(1, Addresses.invalidMac(size).map(t -> Tuple.of(size, t, false)))));
    }

    // --- lists: JSON arrays of any shape

    /** Rectangular or not, empty sub-lists and null sub-lists included, any depth: a JSON array holds them all. */
    @Property(tries = 200)
    void aListOfAnyShapeRoundTrips(@ForAll("lists") Tuple.Tuple3<ColumnType, Integer, Object> list, @ForAll int seed,
                                   @ForAll boolean spoil) {
        Object value = list.get3();
        Object jagged = spoil ? HostileValues.jagged(value, list.get2(), seed) : null;
        Statistics.collect(jagged == null ? "rectangular" : "jagged");
        value = jagged == null ? value : jagged;
        write(listType(list.get1(), list.get2()), value).assertStored(value, Object::equals);
    }

    @Provide
    Arbitrary<Tuple.Tuple3<ColumnType, Integer, Object>> lists() {
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

    // --- writing and reading back

    record Outcome(String table, ColumnType type, Object value, Object stored, String refusal) {
        void assertStored(Object expected, BiPredicate<Object, Object> same) {
            assertThat(refusal).as("%s refused %s", type.displayName(), shown(value)).isNull();
            assertThat(same.test(expected, stored)).as("%s: %s stored as %s, expected %s (first difference%s)",
                    type.displayName(), shown(value), shown(stored), shown(expected), difference(expected, stored)).isTrue();
        }

        void assertStoredOrRefused(Object expected, BiPredicate<Object, Object> same) {
            if (refusal == null) {
                assertStored(expected, same);
            } else {
                assertRefused();
            }
        }

        void assertRefused() {
            assertThat(refusal).as("%s: %s was stored as %s, not refused", type.displayName(), shown(value), shown(stored))
                    .isNotNull();
            assertThat(refusal).contains("table \"" + table + "\"").contains("column \"v\"")
                    .doesNotContainPattern("java\\.|dev\\.sluice|Exception|BigDecimal|BigInteger|ImmutableCollections"
                            + "|\\b(Long|Double|Float|Integer|String|Instant|LocalDate|LocalDateTime|LocalTime|OffsetTime|List|ArrayList)\\b");
        }

        private static String difference(Object expected, Object got) {
            if (expected instanceof List<?> e && got instanceof List<?> g) {
                for (int i = 0; i < Math.min(e.size(), g.size()); i++) {
                    if (!Objects.equals(e.get(i), g.get(i))) {
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
                    List.of(Column.primaryKey("id", ColumnType.INT64), Column.of("v", k)), List.of("id"), List.of());
            destination.migrate(List.of(created), MigrateMode.SAFE);
            return created;
        });
        String refusal = null;
        List<Object[]> before = destination.readAll(t);
        try {
            destination.write(t, List.<Object[]>of(new Object[] {0L, v}));
        } catch (ConnectorException e) {
            refusal = e.getMessage();
        }
        List<Object[]> rows = destination.readAll(t);
        if (refusal != null) {
            assertThat(rows.stream().map(r -> Arrays.asList(r)).toList()).as("rows after a refused batch")
                    .isEqualTo(before.stream().map(r -> Arrays.asList(r)).toList());
            return new Outcome(t.name(), type, v, null, refusal);
        }
        assertThat(rows).hasSize(1);
        return new Outcome(t.name(), type, v, rows.get(0)[1], null);
    }
}
