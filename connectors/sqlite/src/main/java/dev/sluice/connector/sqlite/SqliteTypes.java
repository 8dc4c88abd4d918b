package dev.sluice.connector.sqlite;

import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.ConnectorException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * How each {@link ColumnType} is declared, bound and read back. Declared types follow SQLite's
 * storage classes:
 * <pre>
 * bool      BOOLEAN    0 or 1
 * int64     INTEGER
 * uint64    TEXT       decimal text (SQLite's integers are signed 64-bit: 2^64-1 does not fit)
 * float64   REAL       NaN is stored as the text 'NaN' (SQLite turns a NaN REAL into NULL);
 *                      the infinities are REAL
 * string    TEXT
 * bytes     BLOB
 * timestamp TIMESTAMP  UTC text yyyy-MM-dd HH:mm:ss.SSSSSS ({@link SqliteTimestamps})
 * uuid      TEXT       lower-case canonical form
 * json      TEXT       the document's text as given
 * string_list, int64_list  TEXT  a JSON array ({@link JsonArrays})
 * </pre>
 */
final class SqliteTypes {
    private SqliteTypes() {
    }

    static String declared(ColumnType type) {
        return switch (type.kind()) {
            case BOOL -> "BOOLEAN";
            case INT -> type.equals(ColumnType.UINT64) ? "TEXT" : "INTEGER";
            case FLOAT -> "REAL";
            case BINARY -> "BLOB";
            case TIMESTAMP -> "TIMESTAMP";
            default -> "TEXT";
        };
    }

    static void bind(PreparedStatement ps, int index, String table, Column column, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.NULL);
            return;
        }
        if (!column.type().accepts(value)) {
            throw bad(table, column, column.type().whyNot(value));
        }
        switch (legacy(column.type())) {
            case BOOL -> ps.setInt(index, (Boolean) value ? 1 : 0);
            case INT64 -> ps.setLong(index, (Long) value);
            case FLOAT64 -> {
                double d = (Double) value;
                if (Double.isNaN(d)) {
                    ps.setString(index, "NaN");
                } else {
                    ps.setDouble(index, d);
                }
            }
            case BYTES -> ps.setBytes(index, (byte[]) value);
            case TIMESTAMP -> {
                Instant t = (Instant) value;
                if (!SqliteTimestamps.inRange(t)) {
                    throw bad(table, column, "timestamp " + t + " is outside the years 0000 to 9999 that SQLite stores");
                }
                ps.setString(index, SqliteTimestamps.format(t));
            }
            case STRING_LIST, INT64_LIST -> ps.setString(index, encodeList(table, column, (List<?>) value));
            case UINT64, STRING, UUID, JSON -> ps.setString(index, value.toString());
        }
    }

    /** The value of result column {@code index} as the Java type {@code column} carries. */
    static Object read(ResultSet rs, int index, String table, Column column) throws SQLException {
        Object raw = rs.getObject(index);
        if (raw == null) {
            return null;
        }
        try {
            return decode(column.type(), raw);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw bad(table, column, "cannot read a stored " + raw.getClass().getSimpleName() + " as "
                    + column.type().displayName() + ": " + e.getMessage());
        }
    }

    private enum Legacy { BOOL, INT64, UINT64, FLOAT64, STRING, BYTES, TIMESTAMP, UUID, JSON, STRING_LIST, INT64_LIST }

    private static Legacy legacy(ColumnType type) {
        ColumnType.Kind k = type.kind();
        if (type.equals(ColumnType.UINT64)) {
            return Legacy.UINT64;
        }
        return switch (k) {
            case BOOL -> Legacy.BOOL;
            case INT -> Legacy.INT64;
            case FLOAT -> type.equals(ColumnType.FLOAT64) ? Legacy.FLOAT64 : unsupported(type);
            case STRING -> Legacy.STRING;
            case BINARY -> Legacy.BYTES;
            case TIMESTAMP -> type.equals(ColumnType.TIMESTAMP) ? Legacy.TIMESTAMP : unsupported(type);
            case UUID -> Legacy.UUID;
            case JSON -> Legacy.JSON;
            case LIST -> type.equals(ColumnType.STRING_LIST) ? Legacy.STRING_LIST
                    : type.equals(ColumnType.INT64_LIST) ? Legacy.INT64_LIST : unsupported(type);
            default -> unsupported(type);
        };
    }

    private static Legacy unsupported(ColumnType type) {
        throw new ConnectorException("sqlite: type " + type.displayName() + " is not supported yet");
    }

    private static Object decode(ColumnType type, Object raw) {
        return switch (legacy(type)) {
            case BOOL -> raw instanceof Number n ? n.longValue() != 0 : parseBool(raw.toString());
            case INT64 -> raw instanceof Number n ? exactLong(n) : Long.parseLong(raw.toString());
            case UINT64 -> raw instanceof Number n ? BigInteger.valueOf(exactLong(n)) : new BigInteger(raw.toString());
            case FLOAT64 -> raw instanceof Number n ? n.doubleValue() : Double.parseDouble(raw.toString());
            case STRING, JSON -> raw instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : raw.toString();
            case BYTES -> raw instanceof byte[] b ? b : raw.toString().getBytes(StandardCharsets.UTF_8);
            case TIMESTAMP -> SqliteTimestamps.parse((String) raw);
            case UUID -> java.util.UUID.fromString((String) raw);
            case STRING_LIST -> JsonArrays.decodeStrings((String) raw);
            case INT64_LIST -> JsonArrays.decodeLongs((String) raw);
        };
    }

    private static long exactLong(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (d != Math.rint(d) || Math.abs(d) >= 0x1p63) {
                throw new IllegalArgumentException(d + " is not a 64-bit integer");
            }
        }
        return n.longValue();
    }

    private static boolean parseBool(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw new IllegalArgumentException("not a boolean");
        };
    }

    private static String encodeList(String table, Column column, List<?> list) {
        return JsonArrays.encode(list);
    }

    private static ConnectorException bad(String table, Column column, String why) {
        return new ConnectorException("sqlite: table \"" + table + "\", column \"" + column.name() + "\": " + why);
    }
}
