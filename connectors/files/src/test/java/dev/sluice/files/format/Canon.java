package dev.sluice.files.format;

import dev.sluice.spi.ColumnType;
import dev.sluice.spi.ColumnType.DecimalType;
import dev.sluice.spi.ColumnType.IntType;
import dev.sluice.spi.ColumnType.ListType;
import dev.sluice.spi.ColumnType.TimeType;
import dev.sluice.spi.ColumnType.TimestampType;
import dev.sluice.spi.Interval;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * How a test compares a value read back by DuckDB with the value written, without trusting the
 * encoders' text: DuckDB turns each value into a canonical text (days since 1970 for a date,
 * microseconds for times and timestamps, base64 for bytes, a JSON array for a list), and the test
 * computes the same from the Java value. Types a format stores as documented text (timetz,
 * interval, numeric) are compared as that exact text.
 */
final class Canon {
    /** The documented text of each timetz and interval sample value. */
    static final Map<Object, String> DOCUMENTED_TEXT = Map.of(
            OffsetTime.parse("12:34:56.123456+05:30"), "12:34:56.123456+05:30",
            OffsetTime.parse("00:00:00-12:00"), "00:00:00-12:00",
            OffsetTime.parse("23:59:59.999999Z"), "23:59:59.999999+00:00",
            Interval.ZERO, "{\"months\":0,\"days\":0,\"nanoseconds\":0}",
            new Interval(14, 3, 4_000_005L), "{\"months\":14,\"days\":3,\"nanoseconds\":4000005000}",
            new Interval(-1, -2, -3L), "{\"months\":-1,\"days\":-2,\"nanoseconds\":-3000}",
            new Interval(0, 0, 2 * 86_400_000_000L), "{\"months\":0,\"days\":0,\"nanoseconds\":172800000000000}",
            new Interval(1_200_000, -30, 123_456_789_012L),
            "{\"months\":1200000,\"days\":-30,\"nanoseconds\":123456789012000}");

    private Canon() {
    }

    /** The DuckDB type a column of {@code t} is read as; bytes are base64 text in JSON and CSV. */
    static String duckType(ColumnType t, boolean bytesAsText) {
        return switch (t.kind()) {
            case BOOL -> "BOOLEAN";
            case INT -> {
                IntType i = (IntType) t;
                String name = switch (i.bits()) {
                    case 8 -> "TINYINT";
                    case 16 -> "SMALLINT";
                    case 32 -> "INTEGER";
                    default -> "BIGINT";
                };
                yield i.signed() ? name : "U" + name;
            }
            case FLOAT -> t.equals(ColumnType.FLOAT32) ? "FLOAT" : "DOUBLE";
            case DECIMAL -> ((DecimalType) t).bounded()
                    ? "DECIMAL(" + ((DecimalType) t).precision() + "," + ((DecimalType) t).scale() + ")" : "VARCHAR";
            case DATE -> "DATE";
            case TIME -> ((TimeType) t).withZone() ? "VARCHAR" : "TIME";
            case TIMESTAMP -> ((TimestampType) t).withZone() ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMP";
            case INTERVAL, STRING, INET, MAC -> "VARCHAR";
            case BINARY -> bytesAsText ? "VARCHAR" : "BLOB";
            case UUID -> "UUID";
            case JSON -> "JSON";
            case LIST -> duckType(((ListType) t).element(), bytesAsText) + "[]";
        };
    }

    /** A SQL expression of {@code x} (read as {@link #duckType}) giving its canonical text, or a JSON array for a list. */
    static String sql(ColumnType t, String x, boolean bytesAsText) {
        return t instanceof ListType ? "CAST(to_json(" + listSql((ListType) t, x, bytesAsText, 1) + ") AS VARCHAR)"
                : scalarSql(t, x, bytesAsText);
    }

    private static String listSql(ListType t, String x, boolean bytesAsText, int depth) {
        String e = "e" + depth;
        String inner = t.element() instanceof ListType l ? listSql(l, e, bytesAsText, depth + 1)
                : scalarSql(t.element(), e, bytesAsText);
        return "list_transform(" + x + ", lambda " + e + ": " + inner + ")";
    }

    private static String scalarSql(ColumnType t, String x, boolean bytesAsText) {
        return switch (t.kind()) {
            case FLOAT -> "CASE WHEN isnan(" + x + ") THEN 'NaN' WHEN isinf(" + x + ") AND " + x + " > 0 THEN 'Infinity'"
                    + " WHEN isinf(" + x + ") THEN '-Infinity' ELSE CAST(CAST(" + x + " AS DOUBLE) AS VARCHAR) END";
            case DATE -> "CASE WHEN " + x + " = 'infinity'::DATE THEN 'infinity' WHEN " + x + " = '-infinity'::DATE"
                    + " THEN '-infinity' ELSE CAST(" + x + " - DATE '1970-01-01' AS VARCHAR) END";
            case TIME -> ((TimeType) t).withZone() ? x
                    : "CAST((hour(" + x + ") * 3600 + minute(" + x + ") * 60) * 1000000 + microsecond(" + x + ") AS VARCHAR)";
            case TIMESTAMP -> {
                String type = duckType(t, bytesAsText);
                yield "CASE WHEN " + x + " = CAST('infinity' AS " + type + ") THEN 'infinity' WHEN " + x + " = CAST('-infinity' AS "
                        + type + ") THEN '-infinity' ELSE CAST(epoch_us(" + x + ") AS VARCHAR) END";
            }
            case BINARY -> bytesAsText ? x : "to_base64(" + x + ")";
            default -> "CAST(" + x + " AS VARCHAR)";
        };
    }

    /** The canonical form of a written value: text, a Double for a float, or a list of canonical forms. */
    static Object expected(ColumnType t, Object v) {
        if (v == null) {
            return null;
        }
        return switch (t.kind()) {
            case FLOAT -> ((Number) v).doubleValue();
            case DECIMAL -> v instanceof BigDecimal d ? ((DecimalType) t).bounded() ? normalised(d.toPlainString()) : d.toPlainString()
                    : ((Double) v).isNaN() ? "NaN" : (Double) v > 0 ? "Infinity" : "-Infinity";
            case DATE -> v.equals(LocalDate.MAX) ? "infinity" : v.equals(LocalDate.MIN) ? "-infinity"
                    : Long.toString(((LocalDate) v).toEpochDay());
            case TIME -> v instanceof LocalTime lt ? Long.toString(lt.equals(LocalTime.MAX) ? 86_400_000_000L
                    : lt.toNanoOfDay() / 1000) : DOCUMENTED_TEXT.get(v);
            case TIMESTAMP -> v instanceof Instant i ? micros(i, Instant.MAX, Instant.MIN, i.getEpochSecond(), i.getNano())
                    : micros(v, LocalDateTime.MAX, LocalDateTime.MIN, ((LocalDateTime) v).toEpochSecond(ZoneOffset.UTC),
                            ((LocalDateTime) v).getNano());
            case INTERVAL -> DOCUMENTED_TEXT.get(v);
            case BINARY -> Base64.getEncoder().encodeToString((byte[]) v);
            case LIST -> {
                List<Object> out = new ArrayList<>();
                for (Object e : (List<?>) v) {
                    out.add(expected(((ListType) t).element(), e));
                }
                yield out;
            }
            default -> v.toString();
        };
    }

    /** The canonical form of what DuckDB gave: {@code read} is text, or for a list the parsed JSON array. */
    static Object actual(ColumnType t, Object read) {
        if (read == null) {
            return null;
        }
        return switch (t.kind()) {
            case FLOAT -> Double.parseDouble((String) read);
            case DECIMAL -> ((DecimalType) t).bounded() ? normalised((String) read) : read;
            case LIST -> {
                List<Object> out = new ArrayList<>();
                for (Object e : (List<?>) read) {
                    out.add(actual(((ListType) t).element(), e));
                }
                yield out;
            }
            default -> read;
        };
    }

    private static String normalised(String decimal) {
        BigDecimal d = new BigDecimal(decimal);
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    private static String micros(Object v, Object max, Object min, long seconds, int nanos) {
        return v.equals(max) ? "infinity" : v.equals(min) ? "-infinity" : Long.toString(seconds * 1_000_000L + nanos / 1000);
    }
}
