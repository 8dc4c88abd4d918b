package dev.sluice.files.format;

import dev.sluice.spi.Column;
import dev.sluice.spi.TableSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parquet written by Sluice's own writer: "PAR1", row groups, then the footer ({@link ParquetFooter})
 * with its length and "PAR1". Rows are encoded into their columns' pages in memory
 * ({@link ParquetColumn}: version 1 data pages, dictionary-encoded or PLAIN values, RLE/bit-packed
 * levels, each page compressed whole by the codec); once the bytes a row group holds (its
 * dictionaries included) reach the row-group size (checked after each row) it is written to the
 * stream and its memory reused. {@link #finish} writes the last
 * row group and the footer, and flushes.
 */
final class ParquetEncoder implements RowEncoder {
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    private final TableSchema table;
    private final long rowGroupBytes;
    private final OutputStream out;
    private final ParquetValues values;
    private final ParquetColumn[] columns;
    private final boolean[] optional;
    private final ParquetFooter footer;
    private long position;
    private long rowsInGroup;

    ParquetEncoder(TableSchema table, FormatOptions options, OutputStream out) throws IOException {
        this.table = table;
        this.rowGroupBytes = options.parquetRowGroupBytes();
        this.out = out;
        this.values = new ParquetValues(options.athena());
        ParquetSchema schema = ParquetSchema.of(table);
        ParquetCodecs.PageCompressor compressor = ParquetCodecs.compressor(options.compression());
        List<Column> cols = table.columns();
        this.columns = new ParquetColumn[cols.size()];
        this.optional = new boolean[cols.size()];
        ByteSink page = new ByteSink(1024);
        ByteSink compressed = new ByteSink(1024);
        for (int i = 0; i < columns.length; i++) {
            columns[i] = new ParquetColumn(schema.leaves().get(i), compressor, page, compressed);
            optional[i] = !cols.get(i).notNull();
        }
        this.footer = new ParquetFooter(schema, compressor.codec());
        out.write(MAGIC);
        position = MAGIC.length;
    }

    @Override
    public void write(List<Object[]> rows) throws IOException {
        List<Column> cols = table.columns();
        for (Object[] row : rows) {
            Cells.check(table, row);
            long buffered = 0;
            for (int i = 0; i < row.length; i++) {
                try {
                    values.writeColumn(columns[i], cols.get(i).type(), optional[i], row[i]);
                } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
                    throw Cells.reject(table, cols.get(i), e.getMessage());
                }
            }
            for (ParquetColumn c : columns) {
                c.endRow();
                buffered += c.bufferedBytes();
            }
            rowsInGroup++;
            if (buffered >= rowGroupBytes) {
                writeRowGroup();
            }
        }
    }

    @Override
    public void finish() throws IOException {
        if (rowsInGroup > 0) {
            writeRowGroup();
        }
        ByteSink metadata = footer.encode();
        metadata.writeTo(out);
        ByteSink tail = new ByteSink(8);
        tail.writeIntLE(metadata.size());
        tail.write(MAGIC);
        tail.writeTo(out);
        position += metadata.size() + tail.size();
        out.flush();
    }

    private void writeRowGroup() throws IOException {
        List<ParquetColumn.Chunk> chunks = new ArrayList<>(columns.length);
        for (ParquetColumn c : columns) {
            ParquetColumn.Chunk chunk = c.writeChunk(out, position);
            position += chunk.compressedBytes();
            chunks.add(chunk);
        }
        footer.addRowGroup(rowsInGroup, chunks);
        rowsInGroup = 0;
    }
}
