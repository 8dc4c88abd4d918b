package dev.sluice.testkit;

import dev.sluice.spi.Interval;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random values of the scalar types, biased to their edges and to PostgreSQL's: dates and
 * timestamps around 4714 BC, 5874897 AD and 294276 AD, decimals with huge and tiny exponents,
 * offsets up to ±18 hours, intervals with extreme parts, float bit patterns, hostile text.
 */
public final class HostileValues {
    /** PostgreSQL's first date (4714-11-24 BC) and the day after its last one (5874898-01-01). */
    public static final LocalDate FIRST_DATE = LocalDate.of(-4713, 11, 24);
    public static final LocalDate DATE_END = LocalDate.of(5_874_898, 1, 1);
    /** PostgreSQL's first timestamp and the first past its last (294277-01-01 00:00). */
    public static final LocalDateTime FIRST_TIMESTAMP = FIRST_DATE.atStartOfDay();
    public static final LocalDateTime TIMESTAMP_END = LocalDateTime.of(294_277, 1, 1, 0, 0);

    private HostileValues() {
    }

    /** ±digits × 10^-scale: 1 to 40 digits (sometimes 1000), scales from -131100 to 16400, zeros with any scale. */
    public static Arbitrary<BigDecimal> decimals() {
        Arbitrary<BigInteger> unscaled = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.bigIntegers().between(BigInteger.TEN.pow(40).negate(), BigInteger.TEN.pow(40))),
                Tuple.of(1, Arbitraries.bigIntegers().between(BigInteger.TEN.pow(1000).negate(), BigInteger.TEN.pow(1000))),
                Tuple.of(1, Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE.negate())));
        Arbitrary<Integer> scale = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(-20, 20)),
                Tuple.of(2, Arbitraries.integers().between(16_370, 16_400)),
                Tuple.of(2, Arbitraries.integers().between(-131_100, -131_030)),
                Tuple.of(1, Arbitraries.integers().between(-140_000, 70_000)));
        return Combinators.combine(unscaled, scale).as(BigDecimal::new);
    }

    public static Arbitrary<LocalDate> dates() {
        long first = FIRST_DATE.toEpochDay();
        long end = DATE_END.toEpochDay();
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().between(first, end - 1).map(LocalDate::ofEpochDay)),
                Tuple.of(2, Arbitraries.longs().between(-5, 5).map(d -> LocalDate.ofEpochDay(first + d))),
                Tuple.of(2, Arbitraries.longs().between(-5, 5).map(d -> LocalDate.ofEpochDay(end + d))),
                Tuple.of(1, Arbitraries.longs().between(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay())
                        .map(LocalDate::ofEpochDay)),
                Tuple.of(1, Arbitraries.of(LocalDate.MAX, LocalDate.MIN, LocalDate.of(0, 1, 1), LocalDate.of(-1, 12, 31),
                        LocalDate.of(1582, 10, 10), LocalDate.of(2000, 1, 1), LocalDate.of(1999, 12, 31))));
    }

    /** Wall-clock timestamps with any nanoseconds, around and past PostgreSQL's range. */
    public static Arbitrary<LocalDateTime> localTimestamps() {
        long first = FIRST_TIMESTAMP.toEpochSecond(ZoneOffset.UTC);
        long end = TIMESTAMP_END.toEpochSecond(ZoneOffset.UTC);
        long min = LocalDateTime.MIN.toEpochSecond(ZoneOffset.UTC);
        long max = LocalDateTime.MAX.toEpochSecond(ZoneOffset.UTC);
        Arbitrary<Long> seconds = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().between(first, end - 1)),
                Tuple.of(2, Arbitraries.longs().between(-3, 2).map(s -> first + s)),
                Tuple.of(2, Arbitraries.longs().between(-3, 2).map(s -> end + s)),
                Tuple.of(1, Arbitraries.longs().between(min, max)));
        Arbitrary<Integer> nanos = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(0, 999_999_999)),
                Tuple.of(1, Arbitraries.of(0, 999, 1_000, 999_999_000, 999_999_999)));
        return Arbitraries.frequencyOf(
                Tuple.of(20, Combinators.combine(seconds, nanos).as((s, n) -> LocalDateTime.ofEpochSecond(s, n, ZoneOffset.UTC))),
                Tuple.of(1, Arbitraries.of(LocalDateTime.MAX, LocalDateTime.MIN)));
    }

    public static Arbitrary<Instant> instants() {
        return Arbitraries.frequencyOf(
                Tuple.of(20, localTimestamps().filter(t -> !t.equals(LocalDateTime.MAX) && !t.equals(LocalDateTime.MIN))
                        .map(t -> t.toInstant(ZoneOffset.UTC))),
                Tuple.of(1, Arbitraries.of(Instant.MAX, Instant.MIN)));
    }

    public static Arbitrary<LocalTime> times() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.longs().between(0, LocalTime.MAX.toNanoOfDay()).map(LocalTime::ofNanoOfDay)),
                Tuple.of(1, Arbitraries.of(LocalTime.MAX, LocalTime.MIDNIGHT, LocalTime.of(23, 59, 59, 999_999_000),
                        LocalTime.of(0, 0, 0, 1_000), LocalTime.of(0, 0, 0, 999))));
    }

    /** Offsets of any size Java allows (±18:00), many of them near PostgreSQL's ±15:59:59. */
    public static Arbitrary<OffsetTime> offsetTimes() {
        int limit = 16 * 3600;
        Arbitrary<Integer> offset = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(-18 * 3600, 18 * 3600)),
                Tuple.of(2, Arbitraries.integers().between(-2, 1).map(s -> limit + s)),
                Tuple.of(2, Arbitraries.integers().between(-1, 2).map(s -> -limit + s)),
                Tuple.of(1, Arbitraries.of(0, 15 * 3600 + 59 * 60, -(15 * 3600 + 59 * 60), 18 * 3600, -18 * 3600)));
        return Combinators.combine(times(), offset).as((t, o) -> OffsetTime.of(t, ZoneOffset.ofTotalSeconds(o)));
    }

    public static Arbitrary<Interval> intervals() {
        Arbitrary<Integer> ints = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers()),
                Tuple.of(2, Arbitraries.integers().between(-1000, 1000)),
                Tuple.of(1, Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1)));
        Arbitrary<Long> micros = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs()),
                Tuple.of(2, Arbitraries.longs().between(-86_400_000_000L * 2, 86_400_000_000L * 2)),
                Tuple.of(1, Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, 1L)));
        return Combinators.combine(ints, ints, micros).as(Interval::new);
    }

    public static Arbitrary<Double> doubles() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.longs().map(Double::longBitsToDouble)),
                Tuple.of(2, Combinators.combine(Arbitraries.longs().between(1, 0x000F_FFFF_FFFF_FFFFL), // subnormals
                        Arbitraries.of(0L, Long.MIN_VALUE)).as((b, sign) -> Double.longBitsToDouble(b | sign))),
                Tuple.of(1, Arbitraries.of(Double.NaN, 0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                        Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL,
                        Double.longBitsToDouble(0x7ff0_0000_0000_0001L), Double.longBitsToDouble(0xfff8_0000_0000_0001L))));
    }

    public static Arbitrary<Float> floats() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().map(Float::intBitsToFloat)),
                Tuple.of(2, Arbitraries.integers().between(1, 0x007F_FFFF).map(Float::intBitsToFloat)),
                Tuple.of(2, Arbitraries.integers().between(1, 0x007F_FFFF).map(b -> Float.intBitsToFloat(b | Integer.MIN_VALUE))),
                Tuple.of(1, Arbitraries.of(Float.NaN, 0.0f, -0.0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
                        Float.MIN_VALUE, Float.MAX_VALUE, Float.MIN_NORMAL, Float.intBitsToFloat(0x7f80_0001))));
    }

    /** Unicode text of whole code points, heavy on NUL, spaces, quotes, backslashes and astral characters. */
    public static Arbitrary<String> text() {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(0, 0x10FFFF).filter(c -> c < 0xD800 || c > 0xDFFF)),
                Tuple.of(2, Arbitraries.integers().between(0x20, 0x7E)),
                Tuple.of(2, Arbitraries.of(0, 0x20, (int) '"', (int) '\\', (int) '{', (int) '}', (int) ',', (int) '\'', (int) '\n',
                        (int) '\t', 0x7F, 0xA0, 0x3000, 0xFEFF, 0xFFFD, 0x1F600, 0x10FFFF, 0x301)));
        Arbitrary<String> random = codePoint.list().ofMaxSize(12)
                .map(cps -> new String(cps.stream().mapToInt(Integer::intValue).toArray(), 0, cps.size()));
        return Arbitraries.frequencyOf(
                Tuple.of(8, random),
                Tuple.of(1, Arbitraries.of("", " ", "NULL", "null", "\0", "a\0b", "  trailing  ", "\"{}\"")));
    }

    /** Text with an unpaired UTF-16 surrogate somewhere: not Unicode, UTF-8 cannot carry it. */
    public static Arbitrary<String> halfSurrogates() {
        return Combinators.combine(text(), Arbitraries.chars().range('\uD800', '\uDFFF'), text())
                .as((a, s, b) -> a + s + (Character.isHighSurrogate(s) ? "x" : "") + b)
                .filter(HostileValues::hasUnpairedSurrogate);
    }

    public static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Address-like text: valid IPv4 and IPv6 addresses, with and without prefixes, and near misses. */
    public static Arbitrary<String> inetText() {
        Arbitrary<String> octet = Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.integers().between(0, 255).map(String::valueOf)),
                Tuple.of(1, Arbitraries.of("256", "-1", "01", "", "a", "999")));
        Arbitrary<String> v4 = octet.list().ofMinSize(3).ofMaxSize(5).map(l -> String.join(".", l));
        Arbitrary<String> group = Arbitraries.frequencyOf(
                Tuple.of(9, Arbitraries.integers().between(0, 0xFFFF).map(Integer::toHexString)),
                Tuple.of(1, Arbitraries.of("0000", "FFFF", "10000", "g", "", "00000")));
        Arbitrary<String> v6 = Combinators.combine(group.list().ofMinSize(1).ofMaxSize(9), Arbitraries.integers().between(-1, 9))
                .as((groups, gap) -> {
                    List<String> g = new ArrayList<>(groups);
                    if (gap >= 0 && gap <= g.size()) {
                        g.add(gap, "");
                        if (gap == 0 || gap == g.size() - 1) {
                            g.add(gap, "");
                        }
                    }
                    return String.join(":", g);
                });
        Arbitrary<String> v6v4 = Combinators.combine(v6, v4).as((a, b) -> a + ":" + b);
        Arbitrary<String> address = Arbitraries.frequencyOf(Tuple.of(4, v4), Tuple.of(4, v6), Tuple.of(1, v6v4),
                Tuple.of(1, Arbitraries.of("::", "::1", "::ffff:1.2.3.4", "localhost", "1.2.3.4%eth0", " 1.2.3.4", "")));
        Arbitrary<String> prefix = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just("")),
                Tuple.of(2, Arbitraries.integers().between(0, 129).map(b -> "/" + b)),
                Tuple.of(1, Arbitraries.of("/", "/-1", "/08", "/1a", "/32 ")));
        return Combinators.combine(address, prefix).as(String::concat);
    }

    /** MAC-like text: 5 to 9 hex groups of 1 to 4 digits, one or mixed separators, or none. */
    public static Arbitrary<String> macText() {
        Arbitrary<String> pair = Arbitraries.frequencyOf(
                Tuple.of(9, Arbitraries.integers().between(0, 255).map(b -> String.format("%02x", b))),
                Tuple.of(1, Arbitraries.of("A", "fF", "g0", "", "123")));
        Arbitrary<List<String>> pairs = pair.list().ofMinSize(5).ofMaxSize(9);
        Arbitrary<String> separator = Arbitraries.of(":", "-", ".", "", " ");
        return Combinators.combine(pairs, separator, Arbitraries.integers().between(1, 4), Arbitraries.of(true, false))
                .as((p, sep, every, upper) -> {
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; i < p.size(); i++) {
                        if (i > 0 && i % every == 0) {
                            b.append(sep);
                        }
                        b.append(p.get(i));
                    }
                    return upper ? b.toString().toUpperCase() : b.toString();
                });
    }

    /** A rectangular list of {@code dimensions} (1 to 7) levels, 0 to 3 long at each level, elements possibly null. */
    public static <T> Arbitrary<Object> rectangular(Arbitrary<T> element, int dimensions) {
        return Arbitraries.integers().between(0, 3).list().ofSize(dimensions).flatMap(shape -> {
            int count = shape.stream().reduce(1, (a, b) -> a * b);
            return element.injectNull(0.2).list().ofSize(count).map(flat -> nest(flat, shape, 0, new int[] {0}));
        });
    }

    private static Object nest(List<?> flat, List<Integer> shape, int depth, int[] next) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < shape.get(depth); i++) {
            out.add(depth == shape.size() - 1 ? flat.get(next[0]++) : nest(flat, shape, depth + 1, next));
        }
        return out;
    }

    /** {@code list} with one list at some depth made one longer, one shorter, or null; null when it has no sub-list to spoil. */
    @SuppressWarnings("unchecked")
    public static Object jagged(Object list, int dimensions, int seed) {
        List<Object> copy = new ArrayList<>((List<Object>) list);
        if (dimensions < 2 || copy.size() < 2) {
            return null;
        }
        int at = Math.floorMod(seed, copy.size());
        List<Object> victim = new ArrayList<>((List<Object>) copy.get(at));
        switch (Math.floorMod(seed >> 8, 3)) {
            case 0 -> victim.add(dimensions == 2 ? null : List.of());
            case 1 -> {
                if (victim.isEmpty()) {
                    victim.add(dimensions == 2 ? null : List.of());
                } else {
                    victim.remove(victim.size() - 1);
                }
            }
            default -> {
                copy.set(at, null);
                return copy;
            }
        }
        copy.set(at, victim);
        return copy;
    }
}
