package dev.sluice.files.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.Interval;
import dev.sluice.spi.TableSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exact text each format stores for each kind of value: the documented forms. */
class TextFormsTest {
    private static final TableSchema TABLE = new TableSchema("forms", List.of(
            Column.of("b", ColumnType.BOOL), Column.of("i", ColumnType.INT64), Column.of("u", ColumnType.UINT64),
            Column.of("f", ColumnType.FLOAT32), Column.of("d", ColumnType.FLOAT64), Column.of("dec", ColumnType.decimal(10, 2)),
            Column.of("num", ColumnType.NUMERIC), Column.of("day", ColumnType.DATE), Column.of("t", ColumnType.TIME),
            Column.of("tz", ColumnType.TIMETZ), Column.of("ts", ColumnType.TIMESTAMP),
            Column.of("lts", ColumnType.LOCAL_TIMESTAMP), Column.of("iv", ColumnType.INTERVAL),
            Column.of("s", ColumnType.STRING), Column.of("bin", ColumnType.BYTES), Column.of("id", ColumnType.UUID),
            Column.of("j", ColumnType.JSON), Column.of("ip", ColumnType.INET), Column.of("l", ColumnType.INT64_LIST),
            Column.of("sl", ColumnType.STRING_LIST)), List.of(), List.of());

    private static final List<Object[]> ROWS = List.of(
            new Object[] {true, -5L, BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE), 1.5f, 0.1,
                new BigDecimal("12.3"), new BigDecimal("1E+3"), LocalDate.of(2024, 2, 29), LocalTime.parse("12:34:56.1"),
                OffsetTime.parse("08:00:00+05:30"), Instant.parse("2024-02-29T12:34:56.100Z"),
                LocalDateTime.parse("0999-01-02T03:04:05"), new Interval(1, 2, 3), "a,b \"q\"", new byte[] {1, 2, 3},
                new UUID(1, 2), "{\"k\": [1, 2.50]}", "::1", Arrays.asList(1L, null), Arrays.asList("x", null, "")},
            new Object[] {false, 0L, BigInteger.ZERO, Float.NaN, Double.NEGATIVE_INFINITY, new BigDecimal("0.00"), Double.NaN,
                LocalDate.MAX, LocalTime.MAX, OffsetTime.parse("23:59:59.999999Z"), Instant.MIN,
                LocalDateTime.of(-4712, 1, 1, 0, 0), Interval.ZERO, "", new byte[0], new UUID(0, 0), "\"text\"",
                "10.0.0.0/8", List.of(), List.of()},
            new Object[20]);

    @TempDir
    Path dir;

    private static String encode(FormatOptions options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RowEncoder encoder = RowEncoders.open(TABLE, options, out);
        encoder.write(ROWS);
        encoder.finish();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void jsonLines() throws IOException {
        assertThat(encode(FormatOptions.defaults(FileFormat.JSON)).split("\n", -1)).containsExactly(
                "{\"b\":true,\"i\":-5,\"u\":18446744073709551615,\"f\":1.5,\"d\":0.1,\"dec\":\"12.30\",\"num\":\"1000\","
                        + "\"day\":\"2024-02-29\",\"t\":\"12:34:56.1\",\"tz\":\"08:00:00+05:30\",\"ts\":\"2024-02-29T12:34:56.1Z\","
                        + "\"lts\":\"0999-01-02T03:04:05\",\"iv\":{\"months\":1,\"days\":2,\"nanoseconds\":3000},"
                        + "\"s\":\"a,b \\\"q\\\"\",\"bin\":\"AQID\",\"id\":\"00000000-0000-0001-0000-000000000002\","
                        + "\"j\":{\"k\":[1,2.50]},\"ip\":\"::1\",\"l\":[1,null],\"sl\":[\"x\",null,\"\"]}",
                "{\"b\":false,\"i\":0,\"u\":0,\"f\":\"NaN\",\"d\":\"-Inf\",\"dec\":\"0.00\",\"num\":\"NaN\",\"day\":\"infinity\","
                        + "\"t\":\"24:00:00\",\"tz\":\"23:59:59.999999+00:00\",\"ts\":\"-infinity\",\"lts\":\"-4712-01-01T00:00:00\","
                        + "\"iv\":{\"months\":0,\"days\":0,\"nanoseconds\":0},\"s\":\"\",\"bin\":\"\","
                        + "\"id\":\"00000000-0000-0000-0000-000000000000\",\"j\":\"text\",\"ip\":\"10.0.0.0/8\",\"l\":[],\"sl\":[]}",
                "{\"b\":null,\"i\":null,\"u\":null,\"f\":null,\"d\":null,\"dec\":null,\"num\":null,\"day\":null,\"t\":null,"
                        + "\"tz\":null,\"ts\":null,\"lts\":null,\"iv\":null,\"s\":null,\"bin\":null,\"id\":null,\"j\":null,"
                        + "\"ip\":null,\"l\":null,\"sl\":null}",
                "");
    }

    @Test
    void csv() throws IOException {
        assertThat(encode(FormatOptions.defaults(FileFormat.CSV)).split("\n", -1)).containsExactly(
                "b,i,u,f,d,dec,num,day,t,tz,ts,lts,iv,s,bin,id,j,ip,l,sl",
                "true,-5,18446744073709551615,1.5,0.1,12.30,1000,2024-02-29,12:34:56.100000,08:00:00+05:30,"
                        + "2024-02-29T12:34:56.1Z,0999-01-02T03:04:05,\"{\"\"months\"\":1,\"\"days\"\":2,\"\"nanoseconds\"\":3000}\","
                        + "\"a,b \"\"q\"\"\",AQID,00000000-0000-0001-0000-000000000002,\"{\"\"k\"\": [1, 2.50]}\",::1,\"[1,null]\","
                        + "\"[\"\"x\"\",null,\"\"\"\"]\"",
                "false,0,0,NaN,-Inf,0.00,NaN,infinity,24:00:00.000000,23:59:59.999999+00:00,-infinity,-4712-01-01T00:00:00,"
                        + "\"{\"\"months\"\":0,\"\"days\"\":0,\"\"nanoseconds\"\":0}\",\"\",\"\",00000000-0000-0000-0000-000000000000,"
                        + "\"\"\"text\"\"\",10.0.0.0/8,[],[]",
                ",,,,,,,,,,,,,,,,,,,",
                "");
    }

    @Test
    void csvWithAnotherDelimiterQuotesThatOneAndNoHeader() throws IOException {
        TableSchema t = new TableSchema("t", List.of(Column.of("a", ColumnType.STRING), Column.of("b", ColumnType.STRING)),
                List.of(), List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RowEncoder e = RowEncoders.open(t, FormatOptions.defaults(FileFormat.CSV).withCsv(';', true), out);
        e.write(List.<Object[]>of(new Object[] {"x;y", "1,2"}, new Object[] {" lead", "\\."}));
        e.finish();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\"x;y\";1,2\n\" lead\";\"\\.\"\n");
    }

    @Test
    void parquetStoresTheSameTextForTypesItHasNoLogicalTypeFor() throws Exception {
        Path file = dir.resolve("forms.parquet");
        try (OutputStream out = Files.newOutputStream(file)) {
            RowEncoder encoder = RowEncoders.open(TABLE, FormatOptions.defaults(FileFormat.PARQUET), out);
            encoder.write(ROWS);
            encoder.finish();
        }
        try (DuckDb db = new DuckDb()) {
            List<Map<String, String>> rows = db.query("SELECT num, tz, iv, j, typeof(num) AS type FROM read_parquet('" + file + "')");
            assertThat(rows.get(0)).containsEntry("num", "1000").containsEntry("tz", "08:00:00+05:30")
                    .containsEntry("iv", "{\"months\":1,\"days\":2,\"nanoseconds\":3000}")
                    .containsEntry("j", "{\"k\": [1, 2.50]}").containsEntry("type", "VARCHAR");
            assertThat(rows.get(1)).containsEntry("num", "NaN").containsEntry("tz", "23:59:59.999999+00:00")
                    .containsEntry("iv", "{\"months\":0,\"days\":0,\"nanoseconds\":0}").containsEntry("j", "\"text\"");
        }
    }
}
