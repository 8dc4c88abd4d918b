package dev.sluice.connector.postgresql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * The column types the PostgreSQL source reads, each with random values (extremes, NaN and
 * infinities, NULL elements in arrays, unicode text without NUL, nested JSON) and the
 * expression that reads a source column as the destination stores it: each as it is, since
 * each arrives with its own type (a varchar[] as text[], which prints the same).
 */
enum PgColumnKind {
    BOOLEAN("boolean", "%s", Arbitraries.of("true", "false")),
    SMALLINT("smallint", "%s", Arbitraries.shorts().map(String::valueOf)),
    INTEGER("integer", "%s", Arbitraries.integers().map(String::valueOf)),
    BIGINT("bigint", "%s", Arbitraries.longs().map(String::valueOf)),
    REAL("real", "%s", Arbitraries.oneOf(Arbitraries.floats().map(String::valueOf),
            Arbitraries.of("NaN", "Infinity", "-Infinity", "3.4028235E38", "1.17549435E-38", "-0"))),
    DOUBLE("double precision", "%s", Arbitraries.oneOf(Arbitraries.doubles().map(String::valueOf),
            Arbitraries.of("NaN", "Infinity", "-Infinity", "1.7976931348623157E308", "4.9E-324", "2.2250738585072014E-308", "-0"))),
    UINT64("numeric(20,0)", "%s", Arbitraries.oneOf(Arbitraries.bigIntegers().between(BigInteger.ZERO,
            BigInteger.TWO.pow(64).subtract(BigInteger.ONE)).map(String::valueOf), Arbitraries.of("0", "18446744073709551615"))),
    NUMERIC("numeric", "%s", Arbitraries.oneOf(Arbitraries.bigDecimals().ofScale(12).map(BigDecimal::toPlainString),
            Arbitraries.of("NaN", "1e-300", "-1e300", "0.000000000000000000000000000001", "123456789012345678901234567890.5"))),
    TEXT("text", "%s", PgColumnKind.text()),
    VARCHAR("varchar(400)", "%s", PgColumnKind.text()),
    JSON("json", "%s", PgColumnKind.json()),
    JSONB("jsonb", "%s", PgColumnKind.json()),
    TEXT_ARRAY("text[]", "%s", PgColumnKind.text().injectNull(0.3).list().ofMaxSize(4).map(l -> (Object) l)),
    VARCHAR_ARRAY("varchar[]", "%s", PgColumnKind.text().injectNull(0.3).list().ofMaxSize(4).map(l -> (Object) l)),
    INTEGER_ARRAY("integer[]", "%s", Arbitraries.integers().map(i -> (Object) (long) i).injectNull(0.3).list()
            .ofMaxSize(4).map(l -> (Object) l)),
    BIGINT_ARRAY("bigint[]", "%s", Arbitraries.longs().map(l -> (Object) l).injectNull(0.3).list().ofMaxSize(4)
            .map(l -> (Object) l));

    private static final ObjectMapper MAPPER = new ObjectMapper();

    final String declared;
    private final String asStored;
    /** A value as text for {@code CAST(? AS type)}, or a {@code List} of elements for an array. */
    final Arbitrary<Object> values;

    PgColumnKind(String declared, String asStored, Arbitrary<?> values) {
        this.declared = declared;
        this.asStored = asStored;
        this.values = values.map(v -> (Object) v).injectNull(0.15);
    }

    /** The source column read as the destination stores it. */
    String asStored(String quotedColumn) {
        return asStored.formatted(quotedColumn);
    }

    /** The element type for {@code Connection.createArrayOf}, for array kinds. */
    String elementType() {
        return this == INTEGER_ARRAY || this == BIGINT_ARRAY ? "int8" : "text";
    }

    boolean isArray() {
        return declared.endsWith("[]");
    }

    /** Unicode text without NUL: quotes, backslashes, braces, commas, "NULL", whitespace, multi-byte characters. */
    static Arbitrary<String> text() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().ofMaxLength(6),
                Arbitraries.of("'", "\"", "\\", "{", "}", ",", "NULL", " ", "\t", "\n", "\r\n", "%", "$$", "ü", "日本", "🚀",
                        "\u200b", "\uFEFF", "\u00a0", "\u0001", "\u007f"),
                Arbitraries.integers().between(1, 0x10FFFF).filter(cp -> cp < 0xD800 || cp > 0xDFFF).map(Character::toString));
        return piece.list().ofMaxSize(10).map(p -> String.join("", p));
    }

    private static Arbitrary<Object> json() {
        Arbitrary<Object> scalar = Arbitraries.oneOf(text().map(s -> (Object) s), Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.doubles().between(-1e300, 1e300).map(d -> (Object) d), Arbitraries.of(true, false).map(b -> (Object) b));
        Arbitrary<Object> nested = Arbitraries.oneOf(scalar.list().ofMaxSize(3).map(l -> (Object) new ArrayList<>(l)),
                Arbitraries.maps(text(), scalar.injectNull(0.2)).ofMaxSize(3).map(m -> (Object) new LinkedHashMap<>(m)));
        return Arbitraries.oneOf(scalar, nested, Arbitraries.maps(text(), nested).ofMaxSize(3).map(m -> (Object) m))
                .map(PgColumnKind::toJson);
    }

    private static Object toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value instanceof Map<?, ?> m ? new LinkedHashMap<>(m)
                    : value instanceof List<?> l ? new ArrayList<>(l) : value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
