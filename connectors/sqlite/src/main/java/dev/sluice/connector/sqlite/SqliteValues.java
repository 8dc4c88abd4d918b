package dev.sluice.connector.sqlite;

import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.Interval;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Values in and out of SQLite, in the forms {@link SqliteTypes} documents: {@link #encode}
 * turns a value into what SQLite stores (an integer, a real, text or a blob), {@link #decode}
 * turns that back into the Java class the column's type carries. A value that cannot be stored
 * as documented, or a stored one that cannot be read as the column's type, fails naming the
 * table, the column and why.
 */
final class SqliteValues {
    /** How NaN and the infinities are written as text: Sluice's forms, and SQLite's own {@code Inf}. */
    private static final Map<String, Double> SPECIAL_FLOATS = Map.of("NaN", Double.NaN,
            "Infinity", Double.POSITIVE_INFINITY, "-Infinity", Double.NEGATIVE_INFINITY,
            "Inf", Double.POSITIVE_INFINITY, "-Inf", Double.NEGATIVE_INFINITY);
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private SqliteValues() {
    }

    static void bind(PreparedStatement ps, int index, String table, Column column, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.NULL);
            return;
        }
        if (!column.type().accepts(value)) {
            throw bad(table, column, column.type().whyNot(value));
        }
        Object stored;
        try {
            stored = encode(column.type(), value);
        } catch (IllegalArgumentException e) {
            throw bad(table, column, e.getMessage());
        }
        if (stored instanceof Long l) {
            ps.setLong(index, l);
        } else if (stored instanceof Double d) {
            ps.setDouble(index, d);
        } else if (stored instanceof String s) {
            ps.setString(index, s);
        } else {
            ps.setBytes(index, (byte[]) stored);
        }
    }

    /** The value of result column {@code index} as the Java class {@code column}'s type carries. */
    static Object read(ResultSet rs, int index, String table, Column column) throws SQLException {
        Object raw = rs.getObject(index);
        if (raw == null) {
            return null;
        }
        Object value;
        try {
            value = decode(column.type(), raw instanceof Integer i ? Long.valueOf(i) : raw);
        } catch (IllegalArgumentException e) {
            throw bad(table, column, "cannot read the stored " + storageClass(raw) + " " + abbreviated(raw) + " as "
                    + column.type().displayName() + ": " + e.getMessage());
        }
        if (!column.type().accepts(value)) {
            throw bad(table, column, "the stored " + storageClass(raw) + " " + abbreviated(raw)
                    + " does not fit the column's type: " + column.type().whyNot(value));
        }
        return value;
    }

    /** What SQLite stores for a value of {@code type} that the type accepts: a Long, Double, String or byte[]. */
    static Object encode(ColumnType type, Object value) {
        return switch (type.kind()) {
            case BOOL -> (Boolean) value ? 1L : 0L;
            case INT -> value instanceof BigInteger b ? b.toString() : value;
            case FLOAT -> {
                double d = ((Number) value).doubleValue(); // a float widens exactly
                yield Double.isNaN(d) ? "NaN" : (Object) d; // SQLite would store a NaN real as NULL
            }
            case DECIMAL -> SqliteDecimals.format(value);
            case DATE -> SqliteDates.format((LocalDate) value);
            case TIME -> value instanceof OffsetTime t ? SqliteTimes.format(t) : SqliteTimes.format((LocalTime) value);
            case TIMESTAMP -> value instanceof Instant t ? SqliteTimestamps.format(t)
                    : SqliteTimestamps.format((LocalDateTime) value);
            case INTERVAL -> SqliteIntervals.format((Interval) value);
            case STRING -> requireUtf8((String) value);
            case BINARY -> value;
            case UUID -> value.toString();
            case JSON -> SqliteJson.requireDocument(requireUtf8((String) value));
            case INET -> SqliteAddresses.requireInet((String) value, ((ColumnType.InetType) type).cidr());
            case MAC -> SqliteAddresses.requireMac((String) value, ((ColumnType.MacType) type).bytes());
            case LIST -> SqliteLists.encode((ColumnType.ListType) type, (List<?>) value);
        };
    }

    /** A value of {@code type} from what SQLite stored: a Long, Double, String or byte[]. */
    static Object decode(ColumnType type, Object raw) {
        return switch (type.kind()) {
            case BOOL -> raw instanceof Long n ? n != 0 : bool(text(raw));
            case INT -> type.equals(ColumnType.UINT64)
                    ? raw instanceof Long n ? BigInteger.valueOf(n) : SqliteDecimals.parseUnsigned(text(raw))
                    : raw instanceof Long n ? n : raw instanceof Double d ? wholeNumber(d) : parseLong(text(raw));
            case FLOAT -> floating((ColumnType.FloatType) type, raw);
            case DECIMAL -> raw instanceof Long n ? BigDecimal.valueOf(n)
                    : raw instanceof Double d ? (d.isInfinite() ? d : BigDecimal.valueOf(d)) : SqliteDecimals.parse(text(raw));
            case DATE -> SqliteDates.parse(text(raw));
            case TIME -> ((ColumnType.TimeType) type).withZone() ? SqliteTimes.parseWithOffset(text(raw))
                    : SqliteTimes.parse(text(raw));
            case TIMESTAMP -> ((ColumnType.TimestampType) type).withZone() ? SqliteTimestamps.parse(text(raw))
                    : SqliteTimestamps.parseLocal(text(raw));
            case INTERVAL -> SqliteIntervals.parse(text(raw));
            case STRING, JSON -> raw instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : raw.toString();
            case BINARY -> raw instanceof byte[] b ? b : raw.toString().getBytes(StandardCharsets.UTF_8);
            case UUID -> uuid(text(raw));
            case INET -> SqliteAddresses.requireInet(text(raw), ((ColumnType.InetType) type).cidr());
            case MAC -> SqliteAddresses.requireMac(text(raw), ((ColumnType.MacType) type).bytes());
            case LIST -> SqliteLists.decode((ColumnType.ListType) type, text(raw));
        };
    }

    /**
     * {@code s} if UTF-8 can hold it: SQLite stores text as UTF-8, which has no form for half a
     * surrogate pair (the driver would write a '?' instead).
     */
    static String requireUtf8(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    throw new IllegalArgumentException("the text has an unpaired UTF-16 surrogate (U+"
                            + Integer.toHexString(c).toUpperCase(Locale.ROOT) + " at index " + i
                            + "), which UTF-8 cannot store");
                }
            }
        }
        return s;
    }

    /**
     * A real as stored, or text: {@code 'NaN'}, ±Infinity, or a number written as text, read as
     * the nearest value of the type (a JSON array holds float32 elements as Float.toString writes them).
     */
    private static Object floating(ColumnType.FloatType type, Object raw) {
        if (raw instanceof Number n) {
            double d = n.doubleValue();
            if (type.bits() == 64) {
                return d;
            }
            float f = (float) d;
            if (f != d) {
                throw new IllegalArgumentException("it is not a float32 value (" + d + " has no exact float32 form)");
            }
            return f;
        }
        String s = text(raw);
        Double special = SPECIAL_FLOATS.get(s);
        if (special != null) {
            return type.bits() == 64 ? special : (Object) special.floatValue();
        }
        requireNumber(s);
        return type.bits() == 64 ? (Object) Double.parseDouble(s) : (Object) Float.parseFloat(s);
    }

    private static void requireNumber(String s) {
        if (!FLOAT.matcher(s).matches()) {
            throw new IllegalArgumentException("not a number");
        }
    }

    private static long wholeNumber(double d) {
        if (d != Math.rint(d) || Math.abs(d) >= 0x1p63) {
            throw new IllegalArgumentException(d + " is not a 64-bit integer");
        }
        return (long) d;
    }

    private static long parseLong(String s) {
        if (!INTEGER.matcher(s).matches()) {
            throw new IllegalArgumentException("not a 64-bit integer");
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a 64-bit integer");
        }
    }

    private static boolean bool(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw new IllegalArgumentException("not a boolean");
        };
    }

    private static UUID uuid(String text) {
        if (!UUID_TEXT.matcher(text).matches()) {
            throw new IllegalArgumentException("not a UUID");
        }
        return UUID.fromString(text);
    }

    /** The text SQLite stored; another storage class here means another writer put it there. */
    private static String text(Object raw) {
        if (raw instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("expected text");
    }

    /** SQLite's name for how a value is stored, as {@code typeof()} prints it. */
    private static String storageClass(Object raw) {
        return raw instanceof String ? "text" : raw instanceof byte[] ? "blob" : raw instanceof Double ? "real" : "integer";
    }

    private static String abbreviated(Object raw) {
        if (raw instanceof byte[] b) {
            return "of " + b.length + " bytes";
        }
        String s = raw instanceof String ? "'" + raw + "'" : raw.toString();
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    private static ConnectorException bad(String table, Column column, String why) {
        return new ConnectorException("sqlite: table \"" + table + "\", column \"" + column.name() + "\": " + why);
    }
}
