package dev.sluice.files.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sluice.spi.Column;
import dev.sluice.spi.TableSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Writes the sample table in a format and checks that DuckDB reads every value back. */
final class RoundTrip {
    private RoundTrip() {
    }

    /** Writes {@code rows} of the sample table to a file named after the format, in two calls of write. */
    static Path write(Path dir, FormatOptions options) throws IOException {
        Path file = dir.resolve("type_samples." + RowEncoders.formatName(options));
        List<Object[]> rows = SampleTable.rows();
        try (OutputStream out = Files.newOutputStream(file)) {
            RowEncoder encoder = RowEncoders.open(SampleTable.TABLE, options, out);
            encoder.write(rows.subList(0, 3));
            encoder.write(rows.subList(3, rows.size()));
            encoder.finish();
        }
        return file;
    }

    /** DuckDB's {@code columns} argument: each column's name and type. */
    static String columnsArgument(TableSchema table, boolean bytesAsText, Function<Column, String> typeOverride) {
        return table.columns().stream()
                .map(c -> "'" + c.name() + "': '" + Objects.requireNonNullElse(typeOverride.apply(c),
                        Canon.duckType(c.type(), bytesAsText)) + "'")
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /**
     * Reads {@code from} (a table function call) ordered by id and compares every sample column's
     * every row with what was written; {@code source} gives the SQL of a column's typed value.
     */
    static void assertReadsBack(DuckDb db, String from, boolean bytesAsText, Function<Column, String> source)
            throws Exception {
        assertReadsBack(db, from, bytesAsText, source, false);
    }

    /**
     * As above; with {@code jsonReparsed}, JSON columns are compared with DuckDB's own text of the
     * document written, for a reader that re-serialises JSON values (read_json does).
     */
    static void assertReadsBack(DuckDb db, String from, boolean bytesAsText, Function<Column, String> source,
                                boolean jsonReparsed) throws Exception {
        TableSchema table = SampleTable.TABLE;
        StringBuilder select = new StringBuilder("SELECT id");
        for (Column c : table.columns().subList(1, table.columns().size())) {
            select.append(", ").append(Canon.sql(c.type(), source.apply(c), bytesAsText)).append(" AS \"")
                    .append(c.name()).append('"');
        }
        List<Map<String, String>> read = db.query(select + " FROM " + from + " ORDER BY id");
        List<Object[]> rows = SampleTable.rows();
        assertThat(read).hasSize(rows.size());
        List<String> mismatches = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            assertThat(read.get(r).get("id")).isEqualTo(Long.toString(r));
            for (int c = 1; c < table.columns().size(); c++) {
                Column column = table.columns().get(c);
                String text = read.get(r).get(column.name());
                Object actual = Canon.actual(column.type(), column.type().kind() == dev.sluice.spi.ColumnType.Kind.LIST
                        ? parseJson(text) : text);
                Object expected = Canon.expected(column.type(), rows.get(r)[c]);
                if (jsonReparsed && expected != null && column.type().kind() == dev.sluice.spi.ColumnType.Kind.JSON) {
                    expected = db.normalisedJson((String) expected);
                }
                if (!Objects.equals(actual, expected)) {
                    mismatches.add(column.name() + " row " + r + ": wrote " + expected + ", read " + actual);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    /** Column name → the SQL reading it as is. */
    static String quoted(Column c) {
        return "\"" + c.name() + "\"";
    }

    private static Object parseJson(String text) throws IOException {
        if (text == null) {
            return null;
        }
        try (JsonParser p = JsonText.FACTORY.createParser(text)) {
            return value(p, p.nextToken());
        }
    }

    private static Object value(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.START_ARRAY) {
            List<Object> list = new ArrayList<>();
            for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                list.add(value(p, e));
            }
            return list;
        }
        return t == JsonToken.VALUE_NULL ? null : p.getText();
    }
}
