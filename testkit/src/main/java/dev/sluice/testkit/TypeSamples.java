package dev.sluice.testkit;

import dev.sluice.spi.ColumnType;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Values of every {@link ColumnType} that a destination must store and read back unchanged:
 * nulls, empty strings and lists, lists with null elements, unicode, extreme integers,
 * UINT64's 2^64-1, timestamps with microseconds and before 1970.
 * NaN and the infinities are in {@link #NON_FINITE_DOUBLES}, tested on their own.
 */
public final class TypeSamples {
    public static final List<Double> NON_FINITE_DOUBLES =
            List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);

    private TypeSamples() {
    }

    /** For each type, the values to round-trip (each list holds a null). */
    public static Map<ColumnType, List<Object>> all() {
        Map<ColumnType, List<Object>> m = new EnumMap<>(ColumnType.class);
        m.put(ColumnType.BOOL, values(true, false, null));
        m.put(ColumnType.INT64, values(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, null));
        m.put(ColumnType.UINT64, values(BigInteger.ZERO, BigInteger.ONE, BigInteger.valueOf(Long.MAX_VALUE),
                BigInteger.ONE.shiftLeft(63), BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE), null));
        m.put(ColumnType.FLOAT64, values(0.0, 1.5, -2.25, 0.1, Math.PI, Double.MAX_VALUE, -Double.MAX_VALUE,
                Double.MIN_VALUE, 1e-300, null));
        m.put(ColumnType.STRING, values("", "plain", "héllo wörld — 你好 — 🚀 — שלום — \u0301e\u20ac",
                "quotes ' \" \\ ; -- /* */ and\nnewline\ttab\rreturn", "  leading and trailing spaces  ", "NULL", null));
        m.put(ColumnType.BYTES, values(new byte[0], new byte[] {0, 1, 2, (byte) 0xff, (byte) 0x80, 0x7f},
                "héllo".getBytes(StandardCharsets.UTF_8), null));
        m.put(ColumnType.TIMESTAMP, values(Instant.parse("1970-01-01T00:00:00Z"),
                Instant.parse("1969-12-31T23:59:59.999999Z"), Instant.parse("1900-01-01T00:00:00.000001Z"),
                Instant.parse("2024-02-29T12:34:56.123456Z"), Instant.parse("0001-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999Z"), null));
        m.put(ColumnType.UUID, values(new UUID(0, 0), new UUID(-1, -1),
                UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), null));
        m.put(ColumnType.JSON, values("{\"a\":1,\"b\":[true,null,\"x\"]}", "[]", "{}", "\"text\"", "42",
                "{\"unicode\":\"ü 🚀\"}", null));
        m.put(ColumnType.STRING_LIST, values(List.of(), List.of("a"), Arrays.asList("a", null, "ü 🚀", ""),
                Collections.singletonList(null), List.of("\"quoted\"", "back\\slash", "new\nline", "[", "]", ",", "null"), null));
        m.put(ColumnType.INT64_LIST, values(List.of(), List.of(1L),
                Arrays.asList(1L, null, Long.MIN_VALUE, Long.MAX_VALUE, 0L), Collections.singletonList(null), null));
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

    private static List<Object> values(Object... values) {
        return Arrays.asList(values);
    }
}
