package dev.sluice.connector.postgresql;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.spi.ColumnType;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The form the README's SQLite table ("type | declared | stored as") documents for a value,
 * worked out from the text PostgreSQL prints for it, independently of the connectors' code.
 * The PostgreSQL session prints with {@link #SESSION}: dates and timestamps in ISO style (a BC
 * year as {@code 4713-01-01 BC}), instants in UTC ({@code +00}), intervals in ISO 8601.
 */
final class SqliteForms {
    static final String[] SESSION = {"SET DateStyle = 'ISO, YMD'", "SET TimeZone = 'UTC'", "SET IntervalStyle = iso_8601",
        "SET extra_float_digits = 1", "SET bytea_output = hex"};

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A stored value as SQLite shows it: {@code typeof()} and the value's text (a blob in hex, a real as Java prints it). */
    record Stored(String storage, String value) {
        static final Stored NULL = new Stored("null", null);

        @Override
        public String toString() {
            return value == null ? storage : storage + " " + (storage.equals("text") ? "'" + value + "'" : value);
        }
    }

    private SqliteForms() {
    }

    /** The documented stored form of a scalar (not a list) whose PostgreSQL text is {@code pg}. */
    static Stored scalar(ColumnType type, String pg) {
        if (pg == null) {
            return Stored.NULL;
        }
        return switch (type.kind()) {
            case BOOL -> new Stored("integer", switch (pg) {
                case "t" -> "1";
                case "f" -> "0";
                default -> throw new IllegalArgumentException("not a boolean's text: " + pg);
            });
            case INT -> type.equals(ColumnType.UINT64) ? new Stored("text", pg) : new Stored("integer", Long.toString(Long.parseLong(pg)));
            case FLOAT -> {
                double d = width((ColumnType.FloatType) type, pg);
                // NaN as the text 'NaN' (SQLite would store NULL); SQLite keeps no sign on a zero real
                yield Double.isNaN(d) ? new Stored("text", "NaN") : new Stored("real", Double.toString(d == 0 ? 0.0 : d));
            }
            case BINARY -> new Stored("blob", hex(pg));
            default -> new Stored("text", text(type, pg));
        };
    }

    /**
     * The JSON array documented for a list, from the PostgreSQL text of its elements in order
     * ({@code elements}, null for a NULL element) and the array's lengths per dimension.
     */
    static String list(ColumnType.ListType type, List<String> elements, List<Integer> lengths) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            int[] next = {0};
            if (lengths.isEmpty()) {
                g.writeStartArray();
                g.writeEndArray();
            } else {
                writeDimension(g, type, elements, lengths, 0, next);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * A JSON array's text reduced to what the README fixes: its shape, nulls, booleans, strings
     * exactly, integers by value, floats by value at their type's width (the README asks for
     * the shortest number that reads back as the same value, not for one spelling of it).
     * Text that is not JSON comes back as it is, so it differs.
     */
    static String canonicalList(ColumnType.ListType type, String json) {
        try {
            return canonical(type, JSON.readTree(json)).toString();
        } catch (IOException | RuntimeException e) {
            return "not a JSON array of the type: " + json;
        }
    }

    private static Object canonical(ColumnType type, JsonNode node) {
        if (node.isNull()) {
            return "null";
        }
        if (type instanceof ColumnType.ListType l) {
            if (!node.isArray()) {
                throw new IllegalArgumentException("not an array");
            }
            List<Object> out = new ArrayList<>();
            node.forEach(e -> out.add(canonical(l.element(), e)));
            return out;
        }
        if (type instanceof ColumnType.FloatType f && node.isNumber()) {
            return "number " + width(f, node.asText());
        }
        if (type.kind() == ColumnType.Kind.INT && node.isIntegralNumber()) {
            return "number " + node.bigIntegerValue();
        }
        return node.toString(); // strings quoted, booleans, other numbers as written
    }

    private static void writeDimension(JsonGenerator g, ColumnType.ListType type, List<String> elements, List<Integer> lengths,
                                       int dimension, int[] next) throws IOException {
        g.writeStartArray();
        for (int i = 0; i < lengths.get(dimension); i++) {
            if (dimension + 1 < lengths.size()) {
                writeDimension(g, (ColumnType.ListType) type.element(), elements, lengths, dimension + 1, next);
            } else {
                writeElement(g, type.element(), elements.get(next[0]++));
            }
        }
        g.writeEndArray();
    }

    /** bools, integers, finite floats as JSON numbers; NaN, ±Infinity, uint64, decimals as strings; binary in base64. */
    private static void writeElement(JsonGenerator g, ColumnType type, String pg) throws IOException {
        if (pg == null) {
            g.writeNull();
            return;
        }
        switch (type.kind()) {
            case BOOL -> g.writeBoolean(scalar(type, pg).value().equals("1"));
            case INT -> {
                if (type.equals(ColumnType.UINT64)) {
                    g.writeString(pg);
                } else {
                    g.writeNumber(Long.parseLong(pg));
                }
            }
            case FLOAT -> {
                double d = width((ColumnType.FloatType) type, pg);
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    g.writeString(Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
                } else if (((ColumnType.FloatType) type).bits() == 32) {
                    g.writeNumber((float) d); // compared by value; written from the value so that -0 keeps its sign
                } else {
                    g.writeNumber(d);
                }
            }
            case BINARY -> g.writeString(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex(pg))));
            default -> g.writeString(text(type, pg));
        }
    }

    /** The text form of a type stored as text. */
    private static String text(ColumnType type, String pg) {
        return switch (type.kind()) {
            case DECIMAL, INTERVAL, STRING, JSON, INET, MAC -> pg; // plain decimals; iso_8601 intervals; text as given
            case INT -> pg; // uint64's digits
            case UUID -> pg.toLowerCase(Locale.ROOT);
            case DATE -> date(pg);
            case TIME -> ((ColumnType.TimeType) type).withZone() ? timeWithOffset(pg) : time(pg);
            case TIMESTAMP -> timestamp(pg, ((ColumnType.TimestampType) type).withZone());
            default -> throw new IllegalArgumentException(type.displayName() + " is not stored as text");
        };
    }

    /** {@code 2024-02-29}, {@code 4713-01-01 BC} → {@code -4712-01-01}, {@code 5874897-12-31} → {@code +5874897-12-31}. */
    static String date(String pg) {
        if (pg.equals("infinity") || pg.equals("-infinity")) {
            return pg;
        }
        boolean bc = pg.endsWith(" BC");
        String ymd = bc ? pg.substring(0, pg.length() - 3) : pg;
        int dash = ymd.indexOf('-');
        long year = Long.parseLong(ymd.substring(0, dash));
        long iso = bc ? 1 - year : year; // ISO 8601 counts 1 BC as year 0
        String y = iso >= 0 && iso <= 9999 ? String.format(Locale.ROOT, "%04d", iso)
                : (iso < 0 ? "-" : "+") + String.format(Locale.ROOT, "%04d", Math.abs(iso));
        return y + ymd.substring(dash);
    }

    /** {@code 12:34:56} → {@code 12:34:56.000000}; {@code 24:00:00} stays. */
    static String time(String pg) {
        if (pg.equals("24:00:00")) {
            return pg;
        }
        int dot = pg.indexOf('.');
        return dot < 0 ? pg + ".000000" : (pg + "00000").substring(0, dot + 7);
    }

    /** {@code 12:34:56.789-08} → {@code 12:34:56.789000-08:00}. */
    static String timeWithOffset(String pg) {
        int sign = Math.max(pg.lastIndexOf('+'), pg.lastIndexOf('-'));
        String offset = pg.substring(sign);
        return time(pg.substring(0, sign)) + (offset.length() == 3 ? offset + ":00" : offset);
    }

    /** {@code 2024-02-29 07:04:56.1+00} (UTC) → {@code 2024-02-29 07:04:56.100000}; BC years as for dates. */
    static String timestamp(String pg, boolean instant) {
        if (pg.equals("infinity") || pg.equals("-infinity")) {
            return pg;
        }
        boolean bc = pg.endsWith(" BC");
        String s = bc ? pg.substring(0, pg.length() - 3) : pg;
        if (instant) {
            if (!s.endsWith("+00")) {
                throw new IllegalArgumentException("not printed in UTC: " + pg);
            }
            s = s.substring(0, s.length() - 3);
        }
        int space = s.indexOf(' ');
        return date(s.substring(0, space) + (bc ? " BC" : "")) + " " + time(s.substring(space + 1));
    }

    /** A float's value at its type's width, as a double ({@code NaN}, {@code Infinity} included). */
    private static double width(ColumnType.FloatType type, String text) {
        return type.bits() == 32 ? Float.parseFloat(text) : Double.parseDouble(text);
    }

    /** PostgreSQL's hex bytea text, {@code \x00ff}, as plain hex. */
    private static String hex(String pg) {
        if (!pg.startsWith("\\x")) {
            throw new IllegalArgumentException("not bytea hex output: " + pg);
        }
        return pg.substring(2);
    }
}
