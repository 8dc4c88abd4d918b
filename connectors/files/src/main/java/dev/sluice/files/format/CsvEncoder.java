package dev.sluice.files.format;

import dev.sluice.spi.Column;
import dev.sluice.spi.TableSchema;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.util.List;

/**
 * CSV as CloudQuery writes it (Go's encoding/csv): a header row of column names unless skipped,
 * records ending in {@code \n}, a null as an empty field, and a field quoted (quotes doubled) when
 * it holds the delimiter, a quote or a line break, begins with white space, or is {@code \.}.
 * Unlike CloudQuery, an empty string is written {@code ""} so that it stays apart from null.
 * UTF-8, no byte order mark.
 */
final class CsvEncoder implements RowEncoder {
    private final TableSchema table;
    private final char delimiter;
    private final OutputStream stream;
    private final Writer writer;
    private final CsvCells cells;

    CsvEncoder(TableSchema table, FormatOptions options, OutputStream out) throws IOException {
        this.table = table;
        this.delimiter = options.csvDelimiter();
        this.stream = TextObjects.open(out, options.compression());
        this.writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 32 << 10);
        this.cells = new CsvCells(options.athena());
        if (!options.csvSkipHeader()) {
            List<Column> columns = table.columns();
            for (int i = 0; i < columns.size(); i++) {
                field(i, columns.get(i).name());
            }
            writer.write('\n');
        }
    }

    @Override
    public void write(List<Object[]> rows) throws IOException {
        List<Column> columns = table.columns();
        for (Object[] row : rows) {
            Cells.check(table, row);
            for (int i = 0; i < row.length; i++) {
                if (row[i] == null) {
                    if (i > 0) {
                        writer.write(delimiter);
                    }
                    continue;
                }
                Column column = columns.get(i);
                String text;
                try {
                    text = cells.text(column.type(), row[i]);
                } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
                    throw Cells.reject(table, column, e.getMessage());
                }
                field(i, text.isEmpty() ? "\"\"" : null, text);
            }
            writer.write('\n');
        }
    }

    @Override
    public void finish() throws IOException {
        writer.flush();
        TextObjects.finish(stream);
    }

    private void field(int index, String text) throws IOException {
        field(index, null, text);
    }

    private void field(int index, String literal, String text) throws IOException {
        if (index > 0) {
            writer.write(delimiter);
        }
        if (literal != null) {
            writer.write(literal);
        } else if (needsQuotes(text)) {
            writer.write('"');
            writer.write(text.replace("\"", "\"\""));
            writer.write('"');
        } else {
            writer.write(text);
        }
    }

    private boolean needsQuotes(String text) {
        if (text.isEmpty()) {
            return false;
        }
        if (text.equals("\\.")) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == delimiter || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        int first = text.codePointAt(0);
        return Character.isWhitespace(first) || Character.isSpaceChar(first);
    }
}
