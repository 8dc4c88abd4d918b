package dev.sluice.connector.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.sluice.spi.ColumnType;
import dev.sluice.testkit.TypeSamples;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lists as JSON arrays (what JsonArraysTest checked before the module used Jackson, and every element type). */
class SqliteListsTest {
    private static final ColumnType.ListType STRINGS = ColumnType.STRING_LIST;
    private static final ColumnType.ListType LONGS = ColumnType.INT64_LIST;

    @Test
    void stringsRoundTripWithEscapesAndNulls() {
        List<String> values = Arrays.asList("", null, "a\"b\\c/d", "\n\r\t\b\f\u0001\u001f", "ü 🚀 \u2028", "null", "[,]");
        String json = SqliteLists.encode(STRINGS, values);
        assertThat(json).startsWith("[\"\",null,\"a\\\"b\\\\c/d\",\"\\n\\r\\t\\b\\f\\u0001\\u001F\"");
        assertThat(SqliteLists.decode(STRINGS, json)).isEqualTo(values);
    }

    @Test
    void longsRoundTrip() {
        List<Long> values = Arrays.asList(0L, null, Long.MIN_VALUE, Long.MAX_VALUE, -1L);
        assertThat(SqliteLists.encode(LONGS, values)).isEqualTo("[0,null,-9223372036854775808,9223372036854775807,-1]");
        assertThat(SqliteLists.decode(LONGS, SqliteLists.encode(LONGS, values))).isEqualTo(values);
    }

    @Test
    void readsWhitespaceAndUnicodeEscapesOtherWritersUse() {
        assertThat(SqliteLists.decode(STRINGS, " [ \"\\u00fc\\ud83d\\ude80\" , null ] ")).isEqualTo(Arrays.asList("ü🚀", null));
        assertThat(SqliteLists.decode(LONGS, "[ ]")).isEmpty();
        assertThat(SqliteLists.decode(STRINGS, "[]")).isEmpty();
    }

    @Test
    void refusesMalformedArrays() {
        for (String bad : List.of("", "[", "[\"a\"", "[\"a\",]", "[\"a\"] x", "{}", "[\"a]", "[\"\\x\"]", "[nul]", "[1]",
                "[\"\\u12\"]", "null", "[\"a\"] [\"b\"]")) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> SqliteLists.decode(STRINGS, bad));
        }
        for (String bad : List.of("", "[1", "[1,]", "[\"a\"]", "[1.5]", "[-]", "[99999999999999999999]", "[1] x", "[1 2]",
                "[[1]]", "[true]")) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> SqliteLists.decode(LONGS, bad));
        }
    }

    @Test
    void elementsHaveTheDocumentedJsonForms() {
        assertThat(encode(ColumnType.list(ColumnType.UINT64), BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE), null))
                .isEqualTo("[\"18446744073709551615\",null]");
        assertThat(encode(ColumnType.list(ColumnType.FLOAT64), 0.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                -1e300, -0.0)).isEqualTo("[0.5,\"NaN\",\"Infinity\",\"-Infinity\",-1.0E300,-0.0]");
        assertThat(encode(ColumnType.list(ColumnType.FLOAT32), 32.38f, Float.MIN_VALUE)).isEqualTo("[32.38,1.4E-45]");
        assertThat(encode(ColumnType.list(ColumnType.NUMERIC), new BigDecimal("1.10"), new BigDecimal("1E+3"), Double.NaN))
                .isEqualTo("[\"1.10\",\"1000\",\"NaN\"]");
        assertThat(encode(ColumnType.list(ColumnType.BYTES), new byte[] {0, (byte) 0xff}, new byte[0])).isEqualTo("[\"AP8=\",\"\"]");
        assertThat(encode(ColumnType.list(ColumnType.DATE), LocalDate.of(2024, 2, 29), LocalDate.MAX))
                .isEqualTo("[\"2024-02-29\",\"infinity\"]");
        assertThat(encode(ColumnType.list(ColumnType.TIMESTAMP), Instant.parse("2024-02-29T12:34:56.123456Z"), Instant.MIN))
                .isEqualTo("[\"2024-02-29 12:34:56.123456\",\"-infinity\"]");
        assertThat(encode(ColumnType.list(ColumnType.BOOL), true, null, false)).isEqualTo("[true,null,false]");
        assertThat(encode(ColumnType.list(ColumnType.INT64_LIST), List.of(1L, 2L), Arrays.asList(null, 3L), List.of()))
                .isEqualTo("[[1,2],[null,3],[]]");
        assertThat(encode(ColumnType.list(ColumnType.JSON), "{\"a\": 1}")).isEqualTo("[\"{\\\"a\\\": 1}\"]");
    }

    @Test
    void everySampleListRoundTripsExactly() {
        for (TypeSamples.Sample s : TypeSamples.all()) {
            if (!(s.type() instanceof ColumnType.ListType type)) {
                continue;
            }
            for (Object v : s.values()) {
                if (v != null) {
                    Object back = SqliteLists.decode(type, SqliteLists.encode(type, (List<?>) v));
                    assertThat(comparable(back)).as("%s %s", s.column(), v).isEqualTo(comparable(v));
                }
            }
        }
    }

    @Test
    void floatsComeBackAsTheSameFloat() {
        ColumnType.ListType floats = ColumnType.list(ColumnType.FLOAT32);
        List<Float> values = Arrays.asList(32.38f, Float.MAX_VALUE, Float.MIN_VALUE, -0.0f, Float.NaN, null, 0.1f);
        assertThat(SqliteLists.decode(floats, SqliteLists.encode(floats, values))).isEqualTo(values);
    }

    @Test
    void refusesElementsOfTheWrongKind() {
        assertThatIllegalArgumentException().isThrownBy(() -> SqliteLists.decode(ColumnType.list(ColumnType.UINT64), "[\"-1\"]"));
        assertThatIllegalArgumentException().isThrownBy(() -> SqliteLists.decode(ColumnType.list(ColumnType.BYTES), "[\"not base64!\"]"));
        assertThatIllegalArgumentException().isThrownBy(() -> SqliteLists.decode(ColumnType.list(ColumnType.DATE), "[\"2024-02-30\"]"))
                .withMessageContaining("not a date");
        assertThatIllegalArgumentException().isThrownBy(() -> SqliteLists.decode(ColumnType.list(ColumnType.NUMERIC), "[true]"))
                .withMessageContaining("expected a number or its text or null at offset 1, found a boolean");
        assertThatIllegalArgumentException().isThrownBy(() -> SqliteLists.decode(ColumnType.list(ColumnType.FLOAT64), "[\"x\"]"));
    }

    private static String encode(ColumnType.ListType type, Object... values) {
        return SqliteLists.encode(type, Arrays.asList(values));
    }

    /** Byte arrays by content, decimals by value. */
    private static Object comparable(Object v) {
        if (v instanceof List<?> l) {
            return l.stream().map(SqliteListsTest::comparable).toList();
        }
        if (v instanceof byte[] b) {
            return java.util.HexFormat.of().formatHex(b);
        }
        return v instanceof BigDecimal d ? d.stripTrailingZeros() : v;
    }
}
