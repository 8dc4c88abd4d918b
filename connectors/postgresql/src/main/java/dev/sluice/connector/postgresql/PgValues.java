package dev.sluice.connector.postgresql;

import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.ConnectorException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.postgresql.PGResultSetMetaData;
import org.postgresql.util.PGbytea;

/**
 * Reading values from a result column of the type {@link PgTypes#declared} gives (or, for an
 * instant, {@code timestamp without time zone} holding UTC), as the Java values the column's
 * {@link ColumnType} carries, exactly:
 * <ul>
 *   <li>numbers through the driver's own getters (a {@code real} stays a Float); numeric
 *       through its text, so NaN and ±Infinity become Doubles and the scale is kept;</li>
 *   <li>dates, times and timestamps decoded here from either wire format, never through
 *       {@code java.sql} types or the JVM's time zone ({@link PgTemporal}): ±infinity become
 *       {@code MAX}/{@code MIN}, 24:00 {@code LocalTime.MAX}; intervals from their text
 *       ({@link PgIntervalText});</li>
 *   <li>strings, JSON, addresses as the server's text (a {@code character(n)} keeps its
 *       padding, {@code json} its bytes);</li>
 *   <li>arrays of any element type and any number of dimensions as nested lists, from their
 *       text ({@link PgArrayText}) or, where the driver receives them in binary, from that
 *       ({@link PgArrayBinary}); an array with another number of dimensions than the column
 *       declares is an error naming the table and column.</li>
 * </ul>
 * The driver switches a statement to binary results once it is prepared on the server (after a
 * few executions), so a column's wire format is looked up once per result set: {@link #reader}.
 */
public final class PgValues {
    private PgValues() {
    }

    /** Reads one column of the current row. */
    @FunctionalInterface
    public interface Reader {
        Object read(ResultSet rs) throws SQLException;
    }

    /** Result column {@code index} of the current row as the Java type {@code column} carries. */
    public static Object read(ResultSet rs, int index, String table, Column column) throws SQLException {
        return reader(rs, index, table, column).read(rs);
    }

    /** A reader of result column {@code index} for every row of {@code rs}: decides how once, from the column's wire format. */
    public static Reader reader(ResultSet rs, int index, String table, Column column) throws SQLException {
        boolean binary = rs.getMetaData().unwrap(PGResultSetMetaData.class).getFormat(index) == 1;
        Reader r = of(column.type(), index, binary);
        return row -> {
            try {
                return r.read(row);
            } catch (PgArrayText.DimensionsMismatch e) {
                int declared = ((ColumnType.ListType) column.type()).dimensions();
                throw new ConnectorException("postgresql: table \"" + table + "\", column \"" + column.name()
                        + "\": a row holds an array of " + e.found + " dimension" + (e.found == 1 ? "" : "s")
                        + ", but the column is declared with " + declared + " (PostgreSQL does not enforce an array"
                        + " column's dimensions); declare the column with as many dimensions as its arrays have,"
                        + " or skip the table");
            } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
                throw new ConnectorException("postgresql: table \"" + table + "\", column \"" + column.name()
                        + "\": cannot read the stored value as " + column.type().displayName() + ": " + e.getMessage());
            }
        };
    }

    private static Reader of(ColumnType type, int i, boolean binary) {
        switch (type.kind()) {
            case BOOL:
                return rs -> {
                    boolean v = rs.getBoolean(i);
                    return rs.wasNull() ? null : v;
                };
            case INT:
                if (type.equals(ColumnType.UINT64)) {
                    return rs -> text(rs.getString(i), PgValues::unsigned64);
                }
                return rs -> {
                    long v = rs.getLong(i);
                    return rs.wasNull() ? null : v;
                };
            case FLOAT:
                if (type.equals(ColumnType.FLOAT32)) {
                    return rs -> {
                        float v = rs.getFloat(i);
                        return rs.wasNull() ? null : v;
                    };
                }
                return rs -> {
                    double v = rs.getDouble(i);
                    return rs.wasNull() ? null : v;
                };
            case DECIMAL:
                return rs -> text(rs.getString(i), PgValues::numeric);
            case DATE:
                return binary ? rs -> bytes(rs.getBytes(i), PgTemporal::dateBinary) : rs -> text(rs.getString(i), PgTemporal::date);
            case TIME:
                if (((ColumnType.TimeType) type).withZone()) {
                    return binary ? rs -> bytes(rs.getBytes(i), PgTemporal::timetzBinary)
                            : rs -> text(rs.getString(i), PgTemporal::timetz);
                }
                return binary ? rs -> bytes(rs.getBytes(i), PgTemporal::timeBinary) : rs -> text(rs.getString(i), PgTemporal::time);
            case TIMESTAMP:
                if (((ColumnType.TimestampType) type).withZone()) {
                    return binary ? rs -> bytes(rs.getBytes(i), PgTemporal::instantBinary)
                            : rs -> text(rs.getString(i), PgTemporal::instant);
                }
                return binary ? rs -> bytes(rs.getBytes(i), PgTemporal::localTimestampBinary)
                        : rs -> text(rs.getString(i), PgTemporal::localTimestamp);
            case INTERVAL:
                return rs -> text(rs.getString(i), PgIntervalText::parse);
            case BINARY:
                return rs -> rs.getBytes(i);
            case UUID:
                return rs -> rs.getObject(i, UUID.class);
            case LIST:
                ColumnType.ListType list = (ColumnType.ListType) type;
                int dimensions = list.dimensions();
                if (binary) {
                    return rs -> bytes(rs.getBytes(i), b -> PgArrayBinary.parse(b, dimensions));
                }
                Function<String, Object> element = element(list.scalar());
                return rs -> text(rs.getString(i), s -> PgArrayText.parse(s, dimensions, element));
            case STRING:
            case JSON:
            case INET:
            case MAC:
            default:
                return rs -> rs.getString(i);
        }
    }

    /** How an array element's text becomes a value of {@code type}. */
    private static Function<String, Object> element(ColumnType type) {
        switch (type.kind()) {
            case BOOL:
                return s -> switch (s) {
                    case "t" -> Boolean.TRUE;
                    case "f" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException("not a boolean: " + s);
                };
            case INT:
                return type.equals(ColumnType.UINT64) ? PgValues::unsigned64 : Long::valueOf;
            case FLOAT:
                return type.equals(ColumnType.FLOAT32) ? Float::valueOf : Double::valueOf;
            case DECIMAL:
                return PgValues::numeric;
            case DATE:
                return PgTemporal::date;
            case TIME:
                return ((ColumnType.TimeType) type).withZone() ? PgTemporal::timetz : PgTemporal::time;
            case TIMESTAMP:
                return ((ColumnType.TimestampType) type).withZone() ? PgTemporal::instant : PgTemporal::localTimestamp;
            case INTERVAL:
                return PgIntervalText::parse;
            case BINARY:
                return PgValues::bytea;
            case UUID:
                return UUID::fromString;
            case LIST:
                throw new IllegalStateException("a list's scalar is never a list");
            default:
                return s -> s;
        }
    }

    /**
     * numeric's text: NaN and ±Infinity as Double, any other value exactly, with its display
     * scale, which is never negative (the driver's binary decoding gives {@code 1.23E+4} for a
     * {@code numeric(3,-2)} value the server prints as {@code 12300}).
     */
    static Object numeric(String s) {
        return switch (s) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> {
                BigDecimal d = new BigDecimal(s);
                yield d.scale() < 0 ? d.setScale(0) : d;
            }
        };
    }

    private static Object unsigned64(String s) {
        BigInteger v = new BigDecimal(s).toBigIntegerExact();
        if (!ColumnType.UINT64.accepts(v)) {
            throw new IllegalArgumentException(v + " is outside uint64's range");
        }
        return v;
    }

    /** bytea's text in an array: hex ({@code \x0aff}) or, with {@code bytea_output = escape}, escaped octets. */
    private static byte[] bytea(String s) {
        if (s.startsWith("\\x")) {
            return HexFormat.of().parseHex(s, 2, s.length());
        }
        try {
            return PGbytea.toBytes(s.getBytes(StandardCharsets.UTF_8));
        } catch (SQLException e) {
            throw new IllegalArgumentException("not a bytea value's text", e);
        }
    }

    private static Object text(String s, Function<String, Object> parse) {
        return s == null ? null : parse.apply(s);
    }

    private static Object bytes(byte[] b, Function<byte[], Object> decode) {
        return b == null ? null : decode.apply(b);
    }

    /** Readers for result columns 1..n of {@code rs}, aligned with {@code columns}. */
    public static Reader[] readers(ResultSet rs, String table, List<Column> columns) throws SQLException {
        Reader[] out = new Reader[columns.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = reader(rs, i + 1, table, columns.get(i));
        }
        return out;
    }
}
