package dev.sluice.connector.sqlite;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.sluice.spi.ColumnType;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Lists as JSON arrays, which SQLite's json functions read ({@code json_each},
 * {@code json_extract}); a list of lists is an array of arrays; a null element is
 * {@code null}. Each element is the JSON value closest to its type that keeps it exact:
 * <ul>
 * <li>bool: {@code true}, {@code false}; int8 … int64, uint8 … uint32: a number;</li>
 * <li>uint64: a string of digits, {@code "18446744073709551615"} (SQLite's json functions
 *     would read a number above 2^63-1 as an inexact real);</li>
 * <li>float32, float64: a number, Java's decimal text for it (Float.toString, Double.toString), which reads back as the same value
 *     ({@code 32.38}, {@code 1.0E300}); NaN and ±Infinity, which JSON has no numbers for, as
 *     the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"};</li>
 * <li>decimal, numeric: a string of the decimal's text, {@code "1.10"} (a JSON number would be
 *     read as a real);</li>
 * <li>binary: a string of the bytes in base64 (RFC 4648, with padding);</li>
 * <li>every other type: a string of the text a column of that type holds (a date
 *     {@code "2024-02-29"}, a timestamp {@code "2024-02-29 12:34:56.123456"}, a uuid, a json
 *     document's text).</li>
 * </ul>
 */
final class SqliteLists {
    private SqliteLists() {
    }

    static String encode(ColumnType.ListType type, List<?> list) {
        StringWriter out = new StringWriter(2 + list.size() * 8);
        try (JsonGenerator g = SqliteJson.FACTORY.createGenerator(out)) {
            write(g, type, list);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** The list {@code text} holds, each element of {@code type}'s element type; else why not. */
    static List<?> decode(ColumnType.ListType type, String text) {
        try (JsonParser p = SqliteJson.FACTORY.createParser(text)) {
            p.nextToken();
            Object list = read(p, type);
            if (list == null) {
                throw new IllegalArgumentException("not a JSON array: null");
            }
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("not a JSON array: text follows it at offset "
                        + p.currentTokenLocation().getCharOffset());
            }
            return (List<?>) list;
        } catch (JsonProcessingException e) {
            throw SqliteJson.malformed("malformed JSON array", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(JsonGenerator g, ColumnType type, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
            return;
        }
        switch (type.kind()) {
            case LIST -> {
                g.writeStartArray();
                for (Object e : (List<?>) value) {
                    write(g, ((ColumnType.ListType) type).element(), e);
                }
                g.writeEndArray();
            }
            case BOOL -> g.writeBoolean((Boolean) value);
            case INT -> {
                if (value instanceof Long l) {
                    g.writeNumber(l);
                } else {
                    g.writeString(value.toString());
                }
            }
            case FLOAT -> {
                double d = ((Number) value).doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    g.writeString(Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
                } else {
                    g.writeNumber(value instanceof Float f ? Float.toString(f) : Double.toString(d));
                }
            }
            case BINARY -> g.writeString(Base64.getEncoder().encodeToString((byte[]) value));
            default -> g.writeString((String) SqliteValues.encode(type, value)); // every other type's text form
        }
    }

    private static Object read(JsonParser p, ColumnType type) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        switch (type.kind()) {
            case LIST -> {
                expect(p, t == JsonToken.START_ARRAY, "an array");
                List<Object> out = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    out.add(read(p, ((ColumnType.ListType) type).element()));
                }
                return out;
            }
            case BOOL -> {
                expect(p, t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE, "true or false");
                return t == JsonToken.VALUE_TRUE;
            }
            case INT -> {
                if (type.equals(ColumnType.UINT64)) {
                    expect(p, t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT, "an unsigned integer");
                    return t == JsonToken.VALUE_STRING ? SqliteDecimals.parseUnsigned(p.getText()) : new BigInteger(p.getText());
                }
                expect(p, t == JsonToken.VALUE_NUMBER_INT, "an integer");
                try {
                    return Long.parseLong(p.getText());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("the element " + p.getText() + " is not a 64-bit integer");
                }
            }
            case FLOAT, DECIMAL -> {
                expect(p, t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_STRING,
                        "a number or its text");
                return SqliteValues.decode(type, p.getText());
            }
            case BINARY -> {
                expect(p, t == JsonToken.VALUE_STRING, "a base64 string");
                try {
                    return Base64.getDecoder().decode(p.getText());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("an element is not base64: " + e.getMessage());
                }
            }
            default -> {
                expect(p, t == JsonToken.VALUE_STRING, "a string");
                return SqliteValues.decode(type, p.getText());
            }
        }
    }

    private static void expect(JsonParser p, boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException("expected " + what + " or null at offset "
                    + p.currentTokenLocation().getCharOffset() + ", found " + describe(p.currentToken()));
        }
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "the end of the text";
        }
        return switch (t) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            default -> t.asString() == null ? t.name() : t.asString();
        };
    }
}
