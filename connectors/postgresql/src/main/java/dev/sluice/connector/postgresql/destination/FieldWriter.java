package dev.sluice.connector.postgresql.destination;

import java.sql.SQLException;

/**
 * Writes one non-null value as a binary COPY field (its length, then PostgreSQL's send format
 * for the column's type); an array element has the same shape. The value is one the column's
 * type {@link dev.sluice.spi.ColumnType#accepts accepts}; one PostgreSQL cannot store is a
 * {@link BadValue}.
 */
@FunctionalInterface
interface FieldWriter {
    void write(CopyBuffer out, Object value) throws SQLException;
}
