package dev.sluice.files.format;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sluice.spi.Column;
import dev.sluice.spi.TableSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.time.DateTimeException;
import java.util.List;

/**
 * JSON Lines: one object per row and line, its keys the column names in column order, a null value
 * written as null; values as {@link JsonValues} writes them. Holds only Jackson's buffer (and gzip's).
 */
final class JsonLinesEncoder implements RowEncoder {
    private final TableSchema table;
    private final OutputStream stream;
    private final JsonGenerator generator;
    private final JsonValues values;

    JsonLinesEncoder(TableSchema table, FormatOptions options, OutputStream out) throws IOException {
        this.table = table;
        this.stream = TextObjects.open(out, options.compression());
        this.generator = JsonText.FACTORY.createGenerator(stream);
        this.generator.setRootValueSeparator(null);
        this.values = new JsonValues(options.athena());
    }

    @Override
    public void write(List<Object[]> rows) throws IOException {
        List<Column> columns = table.columns();
        for (Object[] row : rows) {
            Cells.check(table, row);
            generator.writeStartObject();
            for (int i = 0; i < row.length; i++) {
                Column column = columns.get(i);
                generator.writeFieldName(column.name());
                try {
                    values.write(generator, column.type(), row[i]);
                } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
                    throw Cells.reject(table, column, e.getMessage());
                }
            }
            generator.writeEndObject();
            generator.writeRaw('\n');
        }
    }

    @Override
    public void finish() throws IOException {
        generator.flush();
        TextObjects.finish(stream);
    }
}
