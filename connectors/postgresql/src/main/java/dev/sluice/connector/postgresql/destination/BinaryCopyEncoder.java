package dev.sluice.connector.postgresql.destination;

import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.ConnectorException;
import java.sql.SQLException;
import java.util.List;

/**
 * Rows in PostgreSQL's binary COPY format: a header, per row a field count and per field a
 * length (-1 for NULL) and the type's binary send format, then a trailer. Binary spares the
 * server parsing text for numbers, timestamps and uuids, and needs no escaping. Each column's
 * {@link FieldWriter} is chosen once ({@link FieldWriters}); a value its type does not accept,
 * or that PostgreSQL cannot store, fails the batch with the table, column and row named.
 */
final class BinaryCopyEncoder {
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};

    private final String table;
    private final List<Column> columns;
    private final ColumnType[] types;
    private final FieldWriter[] writers;
    /** Whether a column's values are checked with its type's {@code accepts} (an array's writer checks its elements itself). */
    private final boolean[] checked;
    private final CopyBuffer out;

    /**
     * @param targetTypes the COPY target's column types as {@code format_type()} prints them,
     *                    one per column (array element types must match them)
     */
    BinaryCopyEncoder(String table, List<Column> columns, List<String> targetTypes, CopySink sink) {
        this.table = table;
        this.columns = columns;
        this.types = columns.stream().map(Column::type).toArray(ColumnType[]::new);
        this.writers = new FieldWriter[types.length];
        this.checked = new boolean[types.length];
        for (int i = 0; i < types.length; i++) {
            writers[i] = FieldWriters.of(types[i], targetTypes.get(i));
            checked[i] = types[i].kind() != ColumnType.Kind.LIST;
        }
        this.out = new CopyBuffer(sink);
    }

    void header() throws SQLException {
        out.bytes(SIGNATURE);
        out.int32(0); // flags
        out.int32(0); // header extension length
    }

    void row(Object[] row, int index) throws SQLException {
        if (row == null || row.length != types.length) {
            throw new ConnectorException("postgresql: table \"" + table + "\": row " + index + " has "
                    + (row == null ? "no" : String.valueOf(row.length)) + " values for " + types.length + " columns");
        }
        out.int16(types.length);
        int i = 0;
        try {
            for (; i < types.length; i++) {
                Object v = row[i];
                if (v == null) {
                    out.int32(-1);
                } else if (!checked[i] || types[i].accepts(v)) {
                    writers[i].write(out, v);
                } else {
                    throw new BadValue(ValueErrors.whyNot(types[i], v));
                }
            }
        } catch (BadValue e) {
            throw new ConnectorException("postgresql: table \"" + table + "\", column \"" + columns.get(i).name()
                    + "\", row " + index + ": " + e.getMessage());
        }
    }

    /** The trailer, and everything still buffered goes to the sink. */
    void finish() throws SQLException {
        out.int16(-1);
        out.flush();
    }
}
