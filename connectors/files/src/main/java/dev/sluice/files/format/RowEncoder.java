package dev.sluice.files.format;

import java.io.IOException;
import java.util.List;

/**
 * Encodes the rows of one object of one table into a stream, in one format. Not thread-safe.
 * Memory stays bounded by one Parquet row group or a small buffer, not by the object's size.
 */
public interface RowEncoder {

    /**
     * Encodes rows: each aligned with the table's columns, its values of the classes
     * {@link dev.sluice.spi.ColumnType} documents.
     *
     * @throws dev.sluice.spi.ConnectorException naming the table, the column and why, for a value the
     *         format cannot hold or that does not fit its column; the object is then unusable
     * @throws IOException when the stream fails
     */
    void write(List<Object[]> rows) throws IOException;

    /**
     * Writes what ends the object (Parquet's footer, gzip's trailer) and flushes the stream, which
     * stays open. Nothing may be written after it.
     */
    void finish() throws IOException;
}
