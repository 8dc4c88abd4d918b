package dev.sluice.connector.postgresql.source;

import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.ConnectorException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Explains a list value that cannot be read: Sluice's list types are one-dimensional, and a
 * PostgreSQL array column may hold arrays of any number of dimensions in any row.
 */
final class ArrayShape {
    private ArrayShape() {
    }

    /** A clear error when column {@code index} holds a multi-dimensional array, else {@code cause} as it is. */
    static ConnectorException explain(ResultSet rs, int index, String table, Column column, ConnectorException cause)
            throws SQLException {
        if (column.type() != ColumnType.INT64_LIST && column.type() != ColumnType.STRING_LIST) {
            return cause;
        }
        Array array = rs.getArray(index);
        if (array == null) {
            return cause;
        }
        try {
            Object[] values = (Object[]) array.getArray();
            for (Object v : values) {
                if (v instanceof Object[]) {
                    return new ConnectorException("postgresql: table \"" + table + "\", column \"" + column.name()
                            + "\": a row holds a multi-dimensional array, which is not supported (Sluice reads "
                            + "one-dimensional arrays as " + column.type().displayName() + "); skip the table, or keep "
                            + "one dimension in the source");
                }
            }
            return cause;
        } finally {
            array.free();
        }
    }
}
