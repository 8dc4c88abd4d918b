package dev.sluice.files.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.TableSchema;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Repetition and definition levels of every shape: null and empty lists, null elements at each
 * depth, long runs of one shape (RLE runs) and mixed stretches (bit-packed groups), across row
 * groups, in required and optional columns; DuckDB reads each row back as written.
 */
class ParquetLevelsTest {
    private static final int ROWS = 30_000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Compression.class)
    void nestedListsAndNullsReadBackRowByRow(Compression compression) throws Exception {
        TableSchema table = new TableSchema("levels", List.of(
                Column.primaryKey("id", ColumnType.INT64),
                Column.of("flag", ColumnType.BOOL),
                Column.of("words", ColumnType.STRING_LIST),
                Column.of("grid", ColumnType.list(ColumnType.INT64_LIST)),
                new Column("tags", ColumnType.STRING_LIST, false, true)), List.of("id"), List.of());
        Random random = new Random(42);
        List<Object[]> rows = new ArrayList<>();
        for (int r = 0; r < ROWS; r++) {
            // stretches of one shape, then of mixed shapes
            int shape = (r / 1000) % 4;
            rows.add(new Object[] {(long) r,
                    shape == 0 ? null : shape == 1 ? Boolean.TRUE : random.nextInt(3) == 0 ? null : random.nextBoolean(),
                    shape == 0 ? null : shape == 1 ? List.of("x") : words(random, 1),
                    shape == 0 ? null : shape == 1 ? List.of() : grid(random),
                    shape == 0 ? List.of() : words(random, 0)});
        }
        Path file = dir.resolve("levels.parquet");
        try (OutputStream out = Files.newOutputStream(file)) {
            RowEncoder encoder = RowEncoders.open(table, FormatOptions.defaults(FileFormat.PARQUET).withCompression(compression)
                    .withParquetRowGroupBytes(FormatOptions.MIN_ROW_GROUP_BYTES), out);
            for (int start = 0; start < ROWS; start += 777) {
                encoder.write(rows.subList(start, Math.min(ROWS, start + 777)));
            }
            encoder.finish();
        }
        try (DuckDb db = new DuckDb()) {
            List<Map<String, String>> read = db.query("SELECT id, flag::VARCHAR AS flag, to_json(words)::VARCHAR AS words,"
                    + " to_json(grid)::VARCHAR AS grid, to_json(tags)::VARCHAR AS tags FROM read_parquet('" + file + "') ORDER BY id");
            assertThat(read).hasSize(ROWS);
            List<String> mismatches = new ArrayList<>();
            for (int r = 0; r < ROWS; r++) {
                Object[] row = rows.get(r);
                Map<String, String> got = read.get(r);
                String expected = r + " " + (row[1] == null ? null : row[1].toString()) + " " + json(row[2]) + " " + json(row[3])
                        + " " + json(row[4]);
                String actual = got.get("id") + " " + got.get("flag") + " " + got.get("words") + " " + got.get("grid") + " "
                        + got.get("tags");
                if (!expected.equals(actual) && mismatches.size() < 20) {
                    mismatches.add("wrote " + expected + ", read " + actual);
                }
            }
            assertThat(mismatches).isEmpty();
            assertThat(db.query("SELECT count(DISTINCT row_group_id) AS n FROM parquet_metadata('" + file + "')").get(0).get("n"))
                    .isNotEqualTo("1");
        }
    }

    /** Null (one time in five when {@code nullable}), empty, or up to 12 words of which some are null. */
    private static List<String> words(Random random, int nullable) {
        if (random.nextInt(5) < nullable) {
            return null;
        }
        int n = random.nextInt(6) == 0 ? 0 : random.nextInt(13);
        List<String> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(random.nextInt(4) == 0 ? null : "w" + random.nextInt(100));
        }
        return list;
    }

    private static List<List<Long>> grid(Random random) {
        if (random.nextInt(5) == 0) {
            return null;
        }
        int n = random.nextInt(5);
        List<List<Long>> grid = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (random.nextInt(4) == 0) {
                grid.add(null);
                continue;
            }
            int m = random.nextInt(5);
            List<Long> inner = new ArrayList<>();
            for (int k = 0; k < m; k++) {
                inner.add(random.nextInt(3) == 0 ? null : (long) random.nextInt(1000) - 500);
            }
            grid.add(inner);
        }
        return grid;
    }

    /** DuckDB's to_json text of a list of words, numbers or lists; null as SQL NULL. */
    private static String json(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof List<?> list) {
            return list.stream().map(e -> e == null ? "null" : json(e)).collect(Collectors.joining(",", "[", "]"));
        }
        return v instanceof String s ? "\"" + s + "\"" : v.toString();
    }
}
