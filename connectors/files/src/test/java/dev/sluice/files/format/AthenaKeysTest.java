package dev.sluice.files.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.TableSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CloudQuery's athena option: keys inside JSON columns lose every character Hive does not take. */
class AthenaKeysTest {
    private static final TableSchema TABLE = new TableSchema("t.x", List.of(Column.of("col-1", ColumnType.JSON),
            Column.of("exact", new ColumnType.JsonType(true)), Column.of("s", ColumnType.STRING)), List.of(), List.of());
    private static final String DOC = "{\"ta.rget*\": {\"foo-bar\": [{\"a:b\": 1.50}, \"k.v\"]}, \"ü\": \"x y\"}";
    private static final String SANITISED = "{\"ta_rget_\":{\"foo_bar\":[{\"a_b\":1.50},\"k.v\"]},\"_\":\"x y\"}";
    private static final List<Object[]> ROWS = List.<Object[]>of(new Object[] {DOC, DOC, "{\"a.b\": 1}"});

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
    void jsonLinesRewritesKeysOfJsonColumnsOnly() throws IOException {
        assertThat(encode(FormatOptions.defaults(FileFormat.JSON).withAthena(true))).isEqualTo(
                "{\"col-1\":" + SANITISED + ",\"exact\":" + SANITISED + ",\"s\":\"{\\\"a.b\\\": 1}\"}\n");
    }

    @Test
    void withoutAthenaTheDocumentIsKept() throws IOException {
        assertThat(encode(FormatOptions.defaults(FileFormat.JSON))).isEqualTo(
                "{\"col-1\":{\"ta.rget*\":{\"foo-bar\":[{\"a:b\":1.50},\"k.v\"]},\"ü\":\"x y\"},\"exact\":" + DOC
                        + ",\"s\":\"{\\\"a.b\\\": 1}\"}\n");
    }

    @Test
    void csvRewritesTheText() throws IOException {
        String quoted = "\"" + SANITISED.replace("\"", "\"\"") + "\"";
        assertThat(encode(FormatOptions.defaults(FileFormat.CSV).withAthena(true))).isEqualTo(
                "col-1,exact,s\n" + quoted + "," + quoted + ",\"{\"\"a.b\"\": 1}\"\n");
    }

    @Test
    void parquetStoresTheRewrittenText() throws Exception {
        Path file = dir.resolve("t.parquet");
        try (OutputStream out = Files.newOutputStream(file)) {
            RowEncoder encoder = RowEncoders.open(TABLE, FormatOptions.defaults(FileFormat.PARQUET).withAthena(true), out);
            encoder.write(ROWS);
            encoder.finish();
        }
        try (DuckDb db = new DuckDb()) {
            assertThat(db.query("SELECT \"col-1\" AS a, exact, s FROM read_parquet('" + file + "')").get(0))
                    .containsEntry("a", SANITISED).containsEntry("exact", SANITISED).containsEntry("s", "{\"a.b\": 1}");
        }
    }
}
