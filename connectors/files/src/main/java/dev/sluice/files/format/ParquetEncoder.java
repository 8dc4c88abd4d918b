package dev.sluice.files.format;

import dev.sluice.spi.Column;
import dev.sluice.spi.TableSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.time.DateTimeException;
import java.util.List;
import java.util.Map;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Parquet through parquet-java's file writer, without Hadoop: rows are encoded into column pages
 * in memory, and once their buffered size reaches the row-group size (checked after each row) the
 * row group is written to the stream and its memory dropped. {@link #finish} writes the last row
 * group and the footer. Data pages are version 1, dictionary-encoded where parquet-java's defaults
 * choose it; a column chunk's min/max statistics are truncated to 64 bytes.
 */
final class ParquetEncoder implements RowEncoder {
    /** The longest min or max value of a column chunk's (and a page's) statistics. */
    private static final int STATISTICS_BYTES = ParquetProperties.DEFAULT_COLUMN_INDEX_TRUNCATE_LENGTH;

    private final TableSchema table;
    private final long rowGroupBytes;
    private final MessageType schema;
    private final MessageColumnIO columnIO;
    private final ParquetProperties properties;
    private final BytesInputCompressor compressor;
    private final ParquetFileWriter file;
    private final ParquetValues values;
    private ColumnChunkPageWriteStore pages;
    private ColumnWriteStore columns;
    private RecordConsumer consumer;
    private long rowsInGroup;

    ParquetEncoder(TableSchema table, FormatOptions options, OutputStream out) throws IOException {
        this.table = table;
        this.rowGroupBytes = options.parquetRowGroupBytes();
        this.schema = ParquetSchema.of(table);
        this.columnIO = new ColumnIOFactory(false).getColumnIO(schema);
        this.properties = ParquetProperties.builder().withAllocator(new HeapByteBufferAllocator()).build();
        this.compressor = ParquetCodecs.compressor(options.compression());
        // min/max statistics truncated, as column indexes are: the footer, held until finish, stays small
        this.file = new ParquetFileWriter(new StreamOutputFile(out, table.name()), schema, ParquetFileWriter.Mode.CREATE,
                rowGroupBytes, 0, STATISTICS_BYTES, STATISTICS_BYTES, false);
        this.file.start();
        this.values = new ParquetValues(options.athena());
    }

    @Override
    public void write(List<Object[]> rows) throws IOException {
        List<Column> cols = table.columns();
        for (Object[] row : rows) {
            Cells.check(table, row);
            if (consumer == null) {
                startRowGroup();
            }
            consumer.startMessage();
            for (int i = 0; i < row.length; i++) {
                if (row[i] == null) {
                    continue;
                }
                Column column = cols.get(i);
                consumer.startField(column.name(), i);
                try {
                    values.write(consumer, column.type(), row[i]);
                } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
                    throw Cells.reject(table, column, e.getMessage());
                }
                consumer.endField(column.name(), i);
            }
            consumer.endMessage();
            rowsInGroup++;
            if (columns.getBufferedSize() >= rowGroupBytes) {
                endRowGroup();
            }
        }
    }

    @Override
    public void finish() throws IOException {
        if (rowsInGroup > 0) {
            endRowGroup();
        }
        file.end(Map.of());
    }

    private void startRowGroup() {
        pages = ColumnChunkPageWriteStore.builder()
                .withCompressorProvider(column -> compressor)
                .withSchema(schema)
                .withAllocator(properties.getAllocator())
                .withColumnIndexTruncateLength(properties.getColumnIndexTruncateLength())
                .withPageWriteChecksumEnabled(properties.getPageWriteChecksumEnabled())
                .build();
        columns = properties.newColumnWriteStore(schema, pages, pages);
        consumer = columnIO.getRecordWriter(columns);
    }

    private void endRowGroup() throws IOException {
        consumer.flush();
        file.startBlock(rowsInGroup);
        columns.flush();
        pages.flushToFileWriter(file);
        file.endBlock();
        columns.close();
        pages.close();
        columns = null;
        pages = null;
        consumer = null;
        rowsInGroup = 0;
    }
}
