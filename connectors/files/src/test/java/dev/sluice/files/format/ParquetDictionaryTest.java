package dev.sluice.files.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.TableSchema;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dictionary encoding as DuckDB reads it: a dictionary page and RLE_DICTIONARY data pages for
 * repeated values, PLAIN for distinct ones, and the fall back to PLAIN in the middle of a chunk
 * when the dictionary fills up; every value reads back.
 */
class ParquetDictionaryTest {
    private static final String[] COLOURS = {"red", "green", "blue", "cyan", "magenta", "yellow", "black", "white"};

    @TempDir
    Path dir;

    @Test
    void repeatedTextIsDictionaryEncodedAndFarSmallerThanPlain() throws Exception {
        TableSchema table = new TableSchema("t", List.of(Column.primaryKey("id", ColumnType.INT64),
                Column.of("colour", ColumnType.STRING), Column.of("unique", ColumnType.STRING)), List.of("id"), List.of());
        List<Object[]> rows = new ArrayList<>();
        long plainColour = 0;
        for (long id = 0; id < 200_000; id++) {
            String colour = id % 11 == 0 ? null : COLOURS[(int) (id * 7919 % COLOURS.length)];
            plainColour += colour == null ? 0 : 4 + colour.length();
            rows.add(new Object[] {id, colour, "row " + id + " " + UUID.nameUUIDFromBytes(Long.toString(id).getBytes())});
        }
        Path file = write(table, rows, Compression.NONE, FormatOptions.DEFAULT_ROW_GROUP_BYTES);
        try (DuckDb db = new DuckDb()) {
            Map<String, String> colour = chunks(db, file, "colour");
            assertThat(colour.get("encodings")).isEqualTo("PLAIN, RLE, RLE_DICTIONARY");
            assertThat(colour.get("dictionary_pages")).isEqualTo(colour.get("groups"));
            // uncompressed, levels included: the dictionary and 3-bit indexes against 4 + length bytes a value
            assertThat(Long.parseLong(colour.get("bytes"))).isLessThan(plainColour / 10);
            // distinct values and ids: PLAIN, no dictionary page
            assertThat(chunks(db, file, "unique")).containsEntry("encodings", "PLAIN, RLE")
                    .containsEntry("dictionary_pages", "0");
            assertThat(chunks(db, file, "id")).containsEntry("encodings", "PLAIN, RLE");
            assertReadsBack(db, file, table, rows);
        }
    }

    @Test
    void valuesRepeatedOnlyAFewTimesStayPlainWhereCompressionDoesBetter() throws Exception {
        // each value three times, as in the test source's lists: a dictionary would save on raw bytes,
        // but its indexes barely compress, while snappy shrinks these PLAIN values well
        TableSchema table = new TableSchema("t", List.of(Column.primaryKey("id", ColumnType.INT64),
                Column.of("n", ColumnType.INT64)), List.of("id"), List.of());
        List<Object[]> rows = new ArrayList<>();
        for (long id = 0; id < 60_000; id++) {
            rows.add(new Object[] {id, id / 3});
        }
        Path file = write(table, rows, Compression.SNAPPY, FormatOptions.DEFAULT_ROW_GROUP_BYTES);
        try (DuckDb db = new DuckDb()) {
            assertThat(chunks(db, file, "n")).containsEntry("encodings", "PLAIN, RLE").containsEntry("dictionary_pages", "0");
            assertReadsBack(db, file, table, rows);
        }
    }

    @Test
    void aChunkFallsBackToPlainWhenItsDictionaryFillsUp() throws Exception {
        TableSchema table = new TableSchema("t", List.of(Column.of("s", ColumnType.STRING)), List.of(), List.of());
        List<Object[]> rows = new ArrayList<>();
        // a first page of eight values (its 262,144 indexes fill it), then 20,000 distinct 100-byte values:
        // the dictionary passes 1 MiB
        for (int i = 0; i < 300_000; i++) {
            rows.add(new Object[] {COLOURS[i % COLOURS.length]});
        }
        for (int i = 0; i < 20_000; i++) {
            rows.add(new Object[] {String.format("%0100d", i)});
        }
        rows.add(new Object[] {"red"});
        Path file = write(table, rows, Compression.SNAPPY, 256L << 20);
        try (DuckDb db = new DuckDb()) {
            Map<String, String> s = chunks(db, file, "s");
            assertThat(s).containsEntry("groups", "1").containsEntry("dictionary_pages", "1")
                    .containsEntry("encodings", "PLAIN, RLE, RLE_DICTIONARY");
            assertThat(db.query("SELECT encoding_stats FROM parquet_metadata('" + file + "')").get(0).get("encoding_stats"))
                    .contains("DICTIONARY_PAGE").contains("RLE_DICTIONARY").contains("'encoding': PLAIN");
            assertReadsBack(db, file, table, rows);
        }
    }

    @Test
    void numbersDatesUuidsDecimalsAndListElementsAreDictionaryEncodedToo() throws Exception {
        TableSchema table = new TableSchema("t", List.of(Column.primaryKey("id", ColumnType.INT64),
                Column.of("i32", ColumnType.INT32), Column.of("i64", ColumnType.INT64), Column.of("f64", ColumnType.FLOAT64),
                Column.of("f32", ColumnType.FLOAT32), Column.of("d", ColumnType.DATE), Column.of("u", ColumnType.UUID),
                Column.of("dec", ColumnType.decimal(30, 4)), Column.of("bin", ColumnType.BYTES),
                Column.of("tags", ColumnType.list(ColumnType.STRING))), List.of("id"), List.of());
        double[] doubles = {0.0, -0.0, 1.5, Double.NaN, Double.NEGATIVE_INFINITY};
        List<Object[]> rows = new ArrayList<>();
        for (long id = 0; id < 50_000; id++) {
            int k = (int) (id % 5);
            rows.add(new Object[] {id, k == 4 ? null : (long) k - 2, (long) k << 40, doubles[k], (float) doubles[k],
                    LocalDate.of(2024, 1, 1 + k), new UUID(k, -k), new BigDecimal("-123456789012.5000").add(BigDecimal.valueOf(k)),
                    ("b" + k).getBytes(StandardCharsets.UTF_8),
                    k == 3 ? null : Arrays.asList(COLOURS[k], null, COLOURS[k + 1])});
        }
        Path file = write(table, rows, Compression.ZSTD, FormatOptions.DEFAULT_ROW_GROUP_BYTES);
        try (DuckDb db = new DuckDb()) {
            for (String c : List.of("i32", "i64", "f64", "f32", "d", "u", "dec", "bin", "tags")) {
                assertThat(chunks(db, file, c)).as(c).containsEntry("encodings", "PLAIN, RLE, RLE_DICTIONARY");
            }
            // statistics of dictionary-encoded values: every NaN counted, not only the first
            assertThat(db.query("SELECT split_part(path_in_schema, ',', 1) AS c, stats_min_value AS lo, stats_max_value AS hi,"
                    + " stats_null_count AS nulls, stats_nan_count AS nans FROM parquet_metadata('" + file + "')"
                    + " WHERE path_in_schema IN ('i32', 'f64', 'tags, list, element') ORDER BY column_id"))
                    .containsExactly(map("i32", "-2", "1", "10000", null),
                            // DuckDB shows no -inf min
                            map("f64", null, "1.5", "0", "10000"),
                            // null elements (4 in 5 rows) and null lists (1 in 5) counted
                            map("tags", "blue", "yellow", "50000", null));
            assertReadsBack(db, file, table, rows);
            // bit for bit: -0.0 and 0.0 are separate entries
            assertThat(db.query("SELECT count(*) AS n FROM read_parquet('" + file + "') WHERE signbit(f64) AND f64 = 0")
                    .get(0)).containsEntry("n", "10000");
        }
    }

    @Test
    void theDictionaryCountsTowardTheRowGroupsBytes() throws Exception {
        ParquetSchema schema = ParquetSchema.of(new TableSchema("t", List.of(Column.of("s", ColumnType.STRING)),
                List.of(), List.of()));
        ParquetColumn column = new ParquetColumn(schema.leaves().get(0), ParquetCodecs.compressor(Compression.NONE),
                new ByteSink(16), new ByteSink(16));
        for (int i = 0; i < 1000; i++) {
            column.bytes(0, 1, String.format("%0100d", i).getBytes(StandardCharsets.US_ASCII));
            column.bytes(0, 1, String.format("%0100d", i).getBytes(StandardCharsets.US_ASCII));
            column.endRow();
        }
        // 1,000 entries of 104 bytes PLAIN, besides the 2,000 indexes
        assertThat(column.bufferedBytes()).isGreaterThanOrEqualTo(1000 * 104 + 2000 * 4);
    }

    private static Map<String, String> map(String c, String lo, String hi, String nulls, String nans) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("c", c);
        m.put("lo", lo);
        m.put("hi", hi);
        m.put("nulls", nulls);
        m.put("nans", nans);
        return m;
    }

    private Path write(TableSchema table, List<Object[]> rows, Compression compression, long rowGroupBytes) throws Exception {
        Path file = dir.resolve(table.name() + "-" + compression + ".parquet");
        try (OutputStream out = Files.newOutputStream(file)) {
            RowEncoder encoder = RowEncoders.open(table, FormatOptions.defaults(FileFormat.PARQUET)
                    .withCompression(compression).withParquetRowGroupBytes(rowGroupBytes), out);
            for (int start = 0; start < rows.size(); start += 10_000) {
                encoder.write(rows.subList(start, Math.min(rows.size(), start + 10_000)));
            }
            encoder.finish();
        }
        return file;
    }

    /** A column's chunks over the row groups: groups, encodings (of the first), dictionary pages, bytes. */
    private static Map<String, String> chunks(DuckDb db, Path file, String column) throws Exception {
        return db.query("SELECT count(*) AS groups, min(encodings) AS encodings,"
                + " count(dictionary_page_offset) AS dictionary_pages, sum(total_compressed_size) AS bytes"
                + " FROM parquet_metadata('" + file + "') WHERE split_part(path_in_schema, ',', 1) = '" + column + "'").get(0);
    }

    /** Every row reads back: each value as DuckDB prints it against the same value cast in SQL. */
    private static void assertReadsBack(DuckDb db, Path file, TableSchema table, List<Object[]> rows) throws Exception {
        StringBuilder select = new StringBuilder("SELECT ");
        for (int c = 0; c < table.columns().size(); c++) {
            Column column = table.columns().get(c);
            select.append(c == 0 ? "" : ", ").append(column.type().kind() == ColumnType.Kind.BINARY
                    ? "decode(\"" + column.name() + "\")" : "\"" + column.name() + "\"::VARCHAR").append(" AS c").append(c);
        }
        List<Map<String, String>> read = db.query(select + " FROM read_parquet('" + file + "')");
        assertThat(read).hasSize(rows.size());
        List<String> mismatches = new ArrayList<>();
        for (int r = 0; r < rows.size() && mismatches.size() < 10; r++) {
            for (int c = 0; c < table.columns().size(); c++) {
                String expected = text(rows.get(r)[c]);
                String actual = read.get(r).get("c" + c);
                if (!java.util.Objects.equals(expected, actual)) {
                    mismatches.add("row " + r + " " + table.columns().get(c).name() + ": wrote " + expected + ", read " + actual);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    private static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof byte[] b) {
            return new String(b, StandardCharsets.UTF_8);
        }
        if (v instanceof Double d) {
            return d.isNaN() ? "nan" : d.isInfinite() ? (d > 0 ? "inf" : "-inf") : d.toString();
        }
        if (v instanceof Float f) {
            return f.isNaN() ? "nan" : f.isInfinite() ? (f > 0 ? "inf" : "-inf") : f.toString();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(e -> e == null ? "NULL" : e.toString()).collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        }
        return v.toString();
    }
}
