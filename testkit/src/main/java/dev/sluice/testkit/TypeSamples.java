package dev.sluice.testkit;

import dev.sluice.spi.ColumnType;
import dev.sluice.spi.Interval;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Values of every {@link ColumnType} that a destination must store and read back unchanged:
 * nulls, empty strings and lists, lists with null elements, unicode, each integer type's
 * limits, UINT64's 2^64-1, decimals at full precision, NaN and ±Infinity where the type has
 * them, ±infinity dates and timestamps, timestamps with microseconds and before 1970, 24:00,
 * intervals with each part signed, two-dimensional lists.
 * Non-finite floats are also in {@link #NON_FINITE_DOUBLES}, tested on their own.
 */
public final class TypeSamples {
    public static final List<Double> NON_FINITE_DOUBLES =
            List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);

    /** A column to create for a type, and the values it must round-trip (each list holds a null). */
    public record Sample(String column, ColumnType type, List<Object> values) {
    }

    private TypeSamples() {
    }

    /** One sample per type of the model, scalars first, then lists. */
    public static List<Sample> all() {
        List<Sample> m = new ArrayList<>();
        m.add(sample("c_bool", ColumnType.BOOL, true, false));
        m.add(sample("c_int8", ColumnType.INT8, 0L, -128L, 127L));
        m.add(sample("c_int16", ColumnType.INT16, 0L, -32_768L, 32_767L));
        m.add(sample("c_int32", ColumnType.INT32, 0L, (long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE));
        m.add(sample("c_int64", ColumnType.INT64, 0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE));
        m.add(sample("c_uint8", ColumnType.UINT8, 0L, 255L));
        m.add(sample("c_uint16", ColumnType.UINT16, 0L, 65_535L));
        m.add(sample("c_uint32", ColumnType.UINT32, 0L, 4_294_967_295L));
        m.add(sample("c_uint64", ColumnType.UINT64, BigInteger.ZERO, BigInteger.ONE, BigInteger.valueOf(Long.MAX_VALUE),
                BigInteger.ONE.shiftLeft(63), BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)));
        m.add(sample("c_float32", ColumnType.FLOAT32, 0f, 1.5f, -2.25f, 32.38f, Float.MAX_VALUE, Float.MIN_VALUE,
                Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY));
        m.add(sample("c_float64", ColumnType.FLOAT64, 0.0, 1.5, -2.25, 0.1, Math.PI, Double.MAX_VALUE, -Double.MAX_VALUE,
                Double.MIN_VALUE, 1e-300));
        m.add(sample("c_decimal", ColumnType.decimal(38, 10), new BigDecimal("0"), new BigDecimal("1.5"),
                new BigDecimal("-1234567890123456789012345678.0123456789"), new BigDecimal("0.0000000001"),
                new BigDecimal("9999999999999999999999999999.9999999999")));
        m.add(sample("c_numeric", ColumnType.NUMERIC, new BigDecimal("0"), new BigDecimal("-0.5"),
                new BigDecimal("123456789012345678901234567890.123456789012345678901234567890"),
                new BigDecimal("1E+100"), new BigDecimal("1E-100"), Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY));
        m.add(sample("c_date", ColumnType.DATE, LocalDate.of(1970, 1, 1), LocalDate.of(2024, 2, 29),
                LocalDate.of(1, 1, 1), LocalDate.of(-4712, 1, 1), LocalDate.of(9999, 12, 31), LocalDate.MAX, LocalDate.MIN));
        m.add(sample("c_time", ColumnType.TIME, LocalTime.MIDNIGHT, LocalTime.parse("12:34:56.123456"),
                LocalTime.parse("23:59:59.999999"), LocalTime.MAX));
        m.add(sample("c_timetz", ColumnType.TIMETZ, OffsetTime.parse("12:34:56.123456+05:30"),
                OffsetTime.parse("00:00:00-12:00"), OffsetTime.parse("23:59:59.999999Z")));
        m.add(sample("c_timestamp", ColumnType.TIMESTAMP, Instant.parse("1970-01-01T00:00:00Z"),
                Instant.parse("1969-12-31T23:59:59.999999Z"), Instant.parse("1900-01-01T00:00:00.000001Z"),
                Instant.parse("2024-02-29T12:34:56.123456Z"), Instant.parse("0001-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999Z"), Instant.MAX, Instant.MIN));
        m.add(sample("c_local_timestamp", ColumnType.LOCAL_TIMESTAMP, LocalDateTime.parse("1970-01-01T00:00:00"),
                LocalDateTime.parse("2024-02-29T12:34:56.123456"), LocalDateTime.parse("0001-01-01T00:00:00"),
                LocalDateTime.parse("9999-12-31T23:59:59.999999"), LocalDateTime.MAX, LocalDateTime.MIN));
        m.add(sample("c_interval", ColumnType.INTERVAL, Interval.ZERO, new Interval(14, 3, 4_000_005L),
                new Interval(-1, -2, -3L), new Interval(0, 0, 2 * 86_400_000_000L), new Interval(1_200_000, -30, 123_456_789_012L)));
        m.add(sample("c_string", ColumnType.STRING, "", "plain", "héllo wörld — 你好 — 🚀 — שלום — \u0301e\u20ac",
                "quotes ' \" \\ ; -- /* */ and\nnewline\ttab\rreturn", "  leading and trailing spaces  ", "NULL"));
        m.add(sample("c_varchar", ColumnType.varchar(10), "", "ten chars!", "ü🚀 ", "🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀"));
        m.add(sample("c_char", ColumnType.fixedChar(5), "ab   ", "abcde", "ü🚀   "));
        m.add(sample("c_bytes", ColumnType.BYTES, new byte[0], new byte[] {0, 1, 2, (byte) 0xff, (byte) 0x80, 0x7f},
                "héllo".getBytes(StandardCharsets.UTF_8)));
        m.add(sample("c_uuid", ColumnType.UUID, new UUID(0, 0), new UUID(-1, -1),
                UUID.fromString("123e4567-e89b-12d3-a456-426614174000")));
        m.add(sample("c_json", ColumnType.JSON, "{\"a\":1,\"b\":[true,null,\"x\"]}", "[]", "{}", "\"text\"", "42",
                "{\"unicode\":\"ü 🚀\"}"));
        m.add(sample("c_json_text", new ColumnType.JsonType(true), "{\"b\": 1,  \"a\" : [1,2], \"b\": 3}", " [ ] ",
                "{\"unicode\":\"ü 🚀\", \"n\": 1.50}"));
        m.add(sample("c_inet", ColumnType.INET, "192.168.0.1", "192.168.1.5/24", "::1", "2001:db8::1/64", "0.0.0.0"));
        m.add(sample("c_cidr", ColumnType.CIDR, "10.0.0.0/8", "192.168.1.0/24", "1.2.3.4/32", "2001:db8::/32"));
        m.add(sample("c_mac", ColumnType.MAC, "08:00:2b:01:02:03", "ff:ff:ff:ff:ff:ff", "00:00:00:00:00:00"));
        m.add(sample("c_mac8", ColumnType.MAC8, "08:00:2b:01:02:03:04:05"));
        m.add(sample("c_string_list", ColumnType.STRING_LIST, List.of(), List.of("a"), Arrays.asList("a", null, "ü 🚀", ""),
                Collections.singletonList(null), List.of("\"quoted\"", "back\\slash", "new\nline", "[", "]", ",", "null", "{}")));
        m.add(sample("c_int64_list", ColumnType.INT64_LIST, List.of(), List.of(1L),
                Arrays.asList(1L, null, Long.MIN_VALUE, Long.MAX_VALUE, 0L), Collections.singletonList(null)));
        m.add(sample("c_bool_list", ColumnType.list(ColumnType.BOOL), List.of(true), Arrays.asList(false, null)));
        m.add(sample("c_int32_list", ColumnType.list(ColumnType.INT32), List.of((long) Integer.MIN_VALUE, 0L, 7L)));
        m.add(sample("c_float64_list", ColumnType.list(ColumnType.FLOAT64), Arrays.asList(0.5, null, Double.NaN,
                Double.NEGATIVE_INFINITY, -1e300)));
        m.add(sample("c_numeric_list", ColumnType.list(ColumnType.NUMERIC), Arrays.asList(new BigDecimal("1.10"), null,
                new BigDecimal("-98765432109876543210.0123456789"))));
        m.add(sample("c_date_list", ColumnType.list(ColumnType.DATE), List.of(LocalDate.of(2024, 2, 29), LocalDate.MAX)));
        m.add(sample("c_timestamp_list", ColumnType.list(ColumnType.TIMESTAMP),
                Arrays.asList(Instant.parse("2024-02-29T12:34:56.123456Z"), null, Instant.MIN)));
        m.add(sample("c_uuid_list", ColumnType.list(ColumnType.UUID), List.of(new UUID(1, 2), new UUID(-1, -1))));
        m.add(sample("c_bytes_list", ColumnType.list(ColumnType.BYTES), Arrays.asList(new byte[] {0, (byte) 0xff}, null,
                new byte[0])));
        m.add(sample("c_inet_list", ColumnType.list(ColumnType.INET), List.of("10.1.2.3", "::ffff:1.2.3.4")));
        m.add(sample("c_string_grid", ColumnType.list(ColumnType.STRING_LIST),
                List.of(List.of("a", "b"), Arrays.asList("c", null)), List.of(List.of("only"))));
        m.add(sample("c_int64_grid", ColumnType.list(ColumnType.INT64_LIST),
                List.of(List.of(1L, 2L, 3L), Arrays.asList(4L, null, 6L)), List.of(List.of(7L))));
        return m;
    }

    /** A string of at least 1 MiB characters mixing ASCII, accented letters and emoji. */
    public static String megabyteString() {
        StringBuilder b = new StringBuilder((1 << 20) + 32);
        while (b.length() < 1 << 20) {
            b.append("abcdefghij 0123456789 ü é 你好 🚀\n");
        }
        return b.toString();
    }

    /** 1 MiB of seeded random bytes. */
    public static byte[] megabyteBytes() {
        byte[] bytes = new byte[1 << 20];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    private static Sample sample(String column, ColumnType type, Object... values) {
        List<Object> all = new ArrayList<>(Arrays.asList(values));
        all.add(null);
        for (Object v : all) {
            if (!type.accepts(v)) {
                throw new IllegalStateException(column + ": sample " + v + " does not fit " + type + ": " + type.whyNot(v));
            }
        }
        return new Sample(column, type, Collections.unmodifiableList(all));
    }
}
