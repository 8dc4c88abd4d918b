package dev.sluice.connector.postgresql;

import dev.sluice.spi.Column;
import dev.sluice.spi.ConnectorException;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Reading values back from a result column of the type {@link PgTypes#declared} gives. */
public final class PgValues {
    private PgValues() {
    }

    /** Result column {@code index} as the Java type {@code column} carries. */
    public static Object read(ResultSet rs, int index, String table, Column column) throws SQLException {
        try {
            return switch (PgTypes.legacy(column.type())) {
                case BOOL -> nullable(rs, rs.getBoolean(index));
                case INT64 -> nullable(rs, rs.getLong(index));
                case FLOAT64 -> nullable(rs, rs.getDouble(index));
                case UINT64 -> {
                    BigDecimal d = rs.getBigDecimal(index);
                    yield d == null ? null : d.toBigIntegerExact();
                }
                case STRING, JSON -> rs.getString(index);
                case BYTES -> rs.getBytes(index);
                case TIMESTAMP -> {
                    LocalDateTime t = rs.getObject(index, LocalDateTime.class);
                    yield t == null ? null : t.toInstant(ZoneOffset.UTC);
                }
                case UUID -> rs.getObject(index, UUID.class);
                case STRING_LIST -> list(rs.getArray(index), String.class);
                case INT64_LIST -> list(rs.getArray(index), Long.class);
            };
        } catch (ArithmeticException | ClassCastException e) {
            throw new ConnectorException("postgresql: table \"" + table + "\", column \"" + column.name()
                    + "\": cannot read the stored value as " + column.type().displayName() + ": " + e.getMessage());
        }
    }

    private static Object nullable(ResultSet rs, Object value) throws SQLException {
        return rs.wasNull() ? null : value;
    }

    private static <T> List<T> list(Array array, Class<T> element) throws SQLException {
        if (array == null) {
            return null;
        }
        try {
            Object[] values = (Object[]) array.getArray();
            List<T> out = new ArrayList<>(values.length);
            Arrays.stream(values).forEach(v -> out.add(element.cast(v)));
            return out;
        } finally {
            array.free();
        }
    }
}
