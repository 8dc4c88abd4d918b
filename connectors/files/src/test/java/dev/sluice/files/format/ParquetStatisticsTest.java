package dev.sluice.files.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.TableSchema;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Column chunk statistics as DuckDB reads them from the footer: null counts, min and max in each
 * type's order, NaN and zeros of floats, shortened long text and bytes, and a sorted column whose
 * row groups' ranges a filter can skip by.
 */
class ParquetStatisticsTest {
    private static final String STATS = "concat_ws(' | ', coalesce(stats_min_value, '-'), coalesce(stats_max_value, '-'),"
            + " stats_null_count, coalesce(stats_nan_count::VARCHAR, '-'), coalesce(min_is_exact::VARCHAR, '-'),"
            + " coalesce(max_is_exact::VARCHAR, '-'))";

    @TempDir
    Path dir;

    @Test
    void minMaxAndNullCountInEachTypesOrder() throws Exception {
        List<Column> columns = List.of(Column.of("i32", ColumnType.INT32), Column.of("u32", ColumnType.UINT32),
                Column.of("u64", ColumnType.UINT64), Column.of("zero_min", ColumnType.FLOAT64),
                Column.of("zero_max", ColumnType.FLOAT64), Column.of("all_nan", ColumnType.FLOAT32),
                Column.of("d", ColumnType.DATE), Column.of("ts", ColumnType.TIMESTAMP),
                Column.of("dec38", ColumnType.decimal(38, 10)), Column.of("dec12", ColumnType.decimal(12, 2)),
                Column.of("s", ColumnType.STRING), Column.of("b", ColumnType.BYTES), Column.of("u", ColumnType.UUID),
                Column.of("flag", ColumnType.BOOL), Column.of("nothing", ColumnType.STRING),
                Column.of("ints", ColumnType.list(ColumnType.INT32)));
        List<Object[]> rows = List.of(
                new Object[] {-5L, 4_000_000_000L, BigInteger.ONE.shiftLeft(63), 0.0, -2.0, Float.NaN,
                        LocalDate.of(2024, 2, 29), Instant.parse("2024-01-01T00:00:00Z"), new BigDecimal("-12.5"),
                        new BigDecimal("-3.25"), "", new byte[] {(byte) 0x80}, new UUID(-1L, 0L), true, null,
                        Arrays.asList(3L, null, -7L)},
                new Object[] {7L, 1L, BigInteger.ONE, Double.NaN, -0.0, Float.NaN, LocalDate.of(1969, 12, 31),
                        Instant.parse("1969-12-31T23:59:59.999999Z"), new BigDecimal("0.0000000001"),
                        new BigDecimal("10.00"), "zebra", new byte[] {0x7f, 0x00}, new UUID(0L, 5L), true, null, List.of()},
                new Object[] {null, null, null, 3.25, null, null, null, null, null, null, "Äpfel", new byte[0], null,
                        null, null, null},
                new Object[] {0L, 0L, BigInteger.ZERO, -0.0, Double.NaN, Float.NaN, LocalDate.of(2000, 1, 1),
                        Instant.parse("2030-06-01T12:00:00.5Z"), new BigDecimal("99"), new BigDecimal("-0.01"), "apple",
                        null, new UUID(Long.MIN_VALUE, 1L), true, null, List.of(2L)});
        Path file = write(new TableSchema("t", columns, List.of(), List.of()), rows, 1L << 20);
        try (DuckDb db = new DuckDb()) {
            Map<String, String> stats = stats(db, file);
            assertThat(stats).containsExactly(
                    Map.entry("i32", "-5 | 7 | 1 | - | true | true"),
                    // unsigned: 4,000,000,000 is the max, not a negative INT32
                    Map.entry("u32", "0 | 4000000000 | 1 | - | true | true"),
                    Map.entry("u64", "0 | 9223372036854775808 | 1 | - | true | true"),
                    // NaN counted, not a bound; a zero min is -0.0, a zero max +0.0
                    Map.entry("zero_min", "-0.0 | 3.25 | 0 | 1 | true | true"),
                    Map.entry("zero_max", "-2.0 | 0.0 | 1 | 1 | true | true"),
                    Map.entry("all_nan", "- | - | 1 | 3 | - | -"),
                    Map.entry("d", "1969-12-31 | 2024-02-29 | 1 | - | true | true"),
                    Map.entry("ts", "1969-12-31 23:59:59.999999+00 | 2030-06-01 12:00:00.5+00 | 1 | - | true | true"),
                    Map.entry("dec38", "-12.5000000000 | 99.0000000000 | 1 | - | true | true"),
                    Map.entry("dec12", "-3.25 | 10.00 | 1 | - | true | true"),
                    // unsigned bytes: "Ä" (0xC3 0x84) sorts after every ASCII letter
                    Map.entry("s", " | Äpfel | 0 | - | true | true"),
                    Map.entry("b", " | \\x80 | 1 | - | true | true"),
                    Map.entry("u", "00000000-0000-0000-0000-000000000005 | ffffffff-ffff-ffff-0000-000000000000 | 1 | - | true | true"),
                    Map.entry("flag", "true | true | 1 | - | true | true"),
                    Map.entry("nothing", "- | - | 4 | - | - | -"),
                    // a list's leaf: its elements' bounds; every entry without a value is counted
                    // (a null element, an empty list, a null list)
                    Map.entry("ints", "-7 | 3 | 3 | - | true | true"));
            // the values read back as written
            assertThat(db.query("SELECT count(*) AS n FROM read_parquet('" + file + "') WHERE u32 > 3000000000"
                    + " AND u64 > 9000000000000000000 AND s = '' AND zero_min = 0").get(0)).containsEntry("n", "1");
        }
    }

    @Test
    void longTextAndBytesBoundsAreShortened() throws Exception {
        List<Column> columns = List.of(Column.of("s", ColumnType.STRING), Column.of("b", ColumnType.BYTES),
                Column.of("ff", ColumnType.BYTES));
        String a = "a".repeat(63) + "ü" + "tail"; // "ü" is bytes 64 and 65: the prefix stops before it
        String z = "z".repeat(63) + "\uD83D\uDE80" + "more"; // U+1F680 at bytes 64-67
        byte[] low = new byte[100];
        byte[] high = new byte[100];
        Arrays.fill(high, (byte) 0x41);
        high[63] = (byte) 0xFF;
        byte[] allFf = new byte[70];
        Arrays.fill(allFf, (byte) 0xFF);
        Path file = write(new TableSchema("t", columns, List.of(), List.of()), List.of(
                new Object[] {a, low, allFf}, new Object[] {z, high, new byte[] {1}}), 1L << 20);
        try (DuckDb db = new DuckDb()) {
            assertThat(stats(db, file)).containsExactly(
                    Map.entry("s", "a".repeat(63) + " | " + "z".repeat(62) + "{ | 0 | - | false | false"),
                    Map.entry("b", "\\x00".repeat(64) + " | " + "A".repeat(62) + "B | 0 | - | false | false"),
                    // no upper bound of 64 bytes or fewer above 70 0xFF bytes: neither bound
                    Map.entry("ff", "- | - | 0 | - | - | -"));
            assertThat(db.query("SELECT count(*) AS n FROM read_parquet('" + file + "') WHERE s = '" + z
                    + "' OR s = '" + a + "'").get(0)).containsEntry("n", "2");
        }
    }

    @Test
    void aSortedColumnsRowGroupsHoldDisjointRangesAndFiltersReadTheRightRows() throws Exception {
        TableSchema table = new TableSchema("t", List.of(Column.primaryKey("id", ColumnType.INT64),
                Column.of("name", ColumnType.STRING)), List.of("id"), List.of());
        List<Object[]> rows = new ArrayList<>();
        for (long id = 0; id < 100_000; id++) {
            rows.add(new Object[] {id, String.format("name-%06d", id)});
        }
        Path file = write(table, rows, 64L << 10);
        try (DuckDb db = new DuckDb()) {
            List<Map<String, String>> groups = db.query("SELECT row_group_id, row_group_num_rows AS n,"
                    + " stats_min_value AS lo, stats_max_value AS hi FROM parquet_metadata('" + file + "')"
                    + " WHERE path_in_schema = 'id' ORDER BY row_group_id");
            assertThat(groups.size()).isGreaterThan(5);
            long next = 0;
            for (Map<String, String> g : groups) {
                assertThat(Long.parseLong(g.get("lo"))).isEqualTo(next);
                next += Long.parseLong(g.get("n"));
                assertThat(Long.parseLong(g.get("hi"))).isEqualTo(next - 1);
            }
            List<Map<String, String>> names = db.query("SELECT stats_min_value AS lo, stats_max_value AS hi"
                    + " FROM parquet_metadata('" + file + "') WHERE path_in_schema = 'name' ORDER BY row_group_id");
            assertThat(names.get(0)).containsEntry("lo", "name-000000");
            assertThat(names.get(names.size() - 1)).containsEntry("hi", "name-099999");
            assertThat(db.query("SELECT count(*) AS n, min(id) AS lo, max(name) AS hi FROM read_parquet('" + file
                    + "') WHERE id BETWEEN 41234 AND 41300").get(0))
                    .containsEntry("n", "67").containsEntry("lo", "41234").containsEntry("hi", "name-041300");
            assertThat(db.query("SELECT count(*) AS n FROM read_parquet('" + file + "') WHERE name >= 'name-099990'"
                    + " OR name < 'name-000005'").get(0)).containsEntry("n", "15");
        }
    }

    @Test
    void bytesTheCallerChangesAfterWriteLeaveTheBoundsAsWritten() throws Exception {
        TableSchema table = new TableSchema("t", List.of(Column.of("b", ColumnType.BYTES)), List.of(), List.of());
        byte[] high = {0x70};
        byte[] low = {0x10};
        Path file = dir.resolve("mutated.parquet");
        try (OutputStream out = Files.newOutputStream(file)) {
            RowEncoder encoder = RowEncoders.open(table, FormatOptions.defaults(FileFormat.PARQUET), out);
            encoder.write(List.of(new Object[] {high}, new Object[] {low}));
            high[0] = 0x7f;
            low[0] = 0x00;
            encoder.finish();
        }
        try (DuckDb db = new DuckDb()) {
            assertThat(stats(db, file)).containsEntry("b", "\\x10 | p | 0 | - | true | true");
        }
    }

    private Path write(TableSchema table, List<Object[]> rows, long rowGroupBytes) throws Exception {
        Path file = dir.resolve(table.name() + ".parquet");
        try (OutputStream out = Files.newOutputStream(file)) {
            RowEncoder encoder = RowEncoders.open(table,
                    FormatOptions.defaults(FileFormat.PARQUET).withParquetRowGroupBytes(rowGroupBytes), out);
            encoder.write(rows);
            encoder.finish();
        }
        return file;
    }

    /** Each column's statistics in the first row group: min | max | nulls | NaNs | min exact | max exact. */
    private static Map<String, String> stats(DuckDb db, Path file) throws Exception {
        Map<String, String> stats = new LinkedHashMap<>();
        for (Map<String, String> r : db.query("SELECT split_part(path_in_schema, ',', 1) AS c, " + STATS
                + " AS s FROM parquet_metadata('" + file + "') WHERE row_group_id = 0 ORDER BY column_id")) {
            stats.put(r.get("c"), r.get("s"));
        }
        return stats;
    }
}
